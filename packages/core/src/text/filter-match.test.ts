import { describe, expect, it } from 'vitest';
import { htmlToText, matchingKeywords } from './filter-match';

describe('matchingKeywords', () => {
  it.each([
    ['spoiler', false, 'No SPOILERS please', true],
    ['spoiler', true, 'No SPOILERS please', false],
    ['spoiler', true, 'a Spoiler!', true],
    ['cat', true, 'concatenate', false],
    ['cat', false, 'concatenate', true],
    ['café', true, 'un café noir', true],
    ['café', true, 'cafés', false],
    ['#tv', true, 'watching #tv tonight', true],
    ['#tv', true, 'watching #tvshow', false],
    ['a.b', false, 'axb', false],
    ['(x)', false, 'see (x) here', true],
  ])('%s (whole word: %s) in %j → %s', (keyword, wholeWord, text, expected) => {
    expect(matchingKeywords([{ keyword, wholeWord }], text).length > 0).toBe(expected);
  });

  it('returns every matching keyword as written, in order', () => {
    const rules = [
      { keyword: 'Foo', wholeWord: false },
      { keyword: 'bar', wholeWord: true },
      { keyword: 'baz', wholeWord: false },
    ];
    expect(matchingKeywords(rules, 'foo and bar')).toEqual(['Foo', 'bar']);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>a &amp; b</p>', 'a & b'],
    ['<p>one<br>two</p><p>three</p>', 'one\ntwo\n\nthree'],
    ['<p><a href="x">#<span>tag</span></a> &#39;q&#39; &lt;b&gt;</p>', "#tag 'q' <b>"],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
