import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text';

describe('plainText', () => {
  it.each([
    ['<p>A1 green <a href="/tags/tea">#<span>tea</span></a></p>', 'A1 green #tea'],
    ['<p>one</p><p>two<br>three</p>', 'one two three'],
    ['<p>fish &amp; chips &lt;3</p>', 'fish & chips <3'],
  ])('%s', (html, text) => {
    expect(plainText(html)).toBe(text);
  });
});
