import { describe, expect, it } from 'vitest';
import { parseText, type Token } from './parse';

const tagNames = (text: string) => parseText(text).tags.map((t) => t.name);
const accts = (text: string) => parseText(text).mentions.map((m) => m.acct);
const links = (text: string) => parseText(text).links;

const HASHTAGS: [string, string[]][] = [
  ['#日本語', ['日本語']],
  ['＃タグ', ['タグ']],
  ['#c++ is fun', ['c']],
  ['#1', []],
  ['#2024', []],
  ['#a1', ['a1']],
  ['#1a', ['1a']],
  ['#café au lait', ['café']],
  ['#ＨＡＳＨ', ['hash']],
  ['#Tag and #TAG and #tag', ['tag']],
  ['foo#bar', []],
  ['&#39;quoted&#39;', []],
  ['##double', []],
  ['see http://x.org/#frag', []],
  ['path/#frag', []],
  ['?a=#b', []],
  ['(#paren) [#bracket] "#quote"', ['paren', 'bracket', 'quote']],
  ['Q1 #HashChat: what is #Hashchat?', ['hashchat']],
  ['#hello.#world', ['hello', 'world']],
  ['#foo#bar', ['foo']],
  ['#under_score', ['under_score']],
  ['#_', []],
  ['#_1', []],
  ['#タグ・テスト', ['タグ・テスト']],
  ['#middle·dot·', ['middle·dot']],
  ['#می\u200Cخواهم', ['می\u200Cخواهم']],
  ['#𝐀𝐁𝐂', ['abc']],
  ['𝐀#not', []],
  ['#a⑴', []],
  [`#${'a'.repeat(100)}`, ['a'.repeat(100)]],
  [`#${'a'.repeat(101)}`, []],
  ['#', []],
  ['# spaced', []],
  ['line\n#next', ['next']],
];

const MENTIONS: [string, string[]][] = [
  ['@alice', ['alice']],
  ['hi @alice!', ['alice']],
  ['@user@example.org', ['user@example.org']],
  ['cc @user@example.org.', ['user@example.org']],
  ['@user@sub.example.co.uk, hi', ['user@sub.example.co.uk']],
  ['mail a@b.com', []],
  ['mail first.last@example.com', []],
  ['example.com/@user', []],
  ['x=@user', []],
  ['@first.last and @with-dash', ['first.last', 'with-dash']],
  ['@trailing. @dash-', ['trailing', 'dash']],
  ['@Alice @alice @ALICE', ['Alice']],
  ['@bob@Example.org @BOB@example.ORG', ['bob@Example.org']],
  ['@alice @alice@example.org', ['alice', 'alice@example.org']],
  ['(@paren)', ['paren']],
  ['@useré', []],
  ['@', []],
  ['@ alone', []],
  ['@user@ hi', ['user']],
  [`@${'a'.repeat(30)}`, ['a'.repeat(30)]],
  [`@${'a'.repeat(31)}`, []],
];

const LINKS: [string, string[]][] = [
  ['https://example.org', ['https://example.org']],
  ['see http://example.org.', ['http://example.org']],
  ['go https://example.org/path?q=1&r=2, then', ['https://example.org/path?q=1&r=2']],
  ['wow https://example.org!?', ['https://example.org']],
  ['list: https://a.org; https://b.org:', ['https://a.org', 'https://b.org']],
  ['(see https://example.org/a)', ['https://example.org/a']],
  ['https://en.wikipedia.org/wiki/Foo_(bar)', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
  ['(https://en.wikipedia.org/wiki/Foo_(bar))', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
  ['https://example.org/#frag@user', ['https://example.org/#frag@user']],
  ['https://mastodon.social/@alice#tag', ['https://mastodon.social/@alice#tag']],
  ["'https://example.org'", ['https://example.org']],
  ['<https://example.org>', ['https://example.org']],
  ['HTTPS://EXAMPLE.ORG', ['HTTPS://EXAMPLE.ORG']],
  ['https://例え.jp/パス', ['https://例え.jp/パス']],
  ['https://example.org。次', ['https://example.org']],
  ['https://a.org https://a.org', ['https://a.org']],
  ['example.org', []],
  ['ftp://example.org', []],
  ['https://', []],
  ['https:// example.org', []],
  ['xhttps://example.org', []],
];

describe('parseText hashtags', () => {
  it.each(HASHTAGS)('%s → %j', (text, expected) => {
    expect(tagNames(text)).toEqual(expected);
  });

  it('keeps the first display as written and the full token text', () => {
    const parsed = parseText('#HashChat then #hashchat and ＃ＨａｓｈＣｈａｔ');
    expect(parsed.tags).toEqual([{ name: 'hashchat', display: 'HashChat' }]);
    expect(parsed.tokens.filter((t) => t.type === 'tag')).toEqual([
      { type: 'tag', text: '#HashChat', name: 'hashchat', display: 'HashChat' },
      { type: 'tag', text: '#hashchat', name: 'hashchat', display: 'hashchat' },
      { type: 'tag', text: '＃ＨａｓｈＣｈａｔ', name: 'hashchat', display: 'ＨａｓｈＣｈａｔ' },
    ]);
  });
});

describe('parseText mentions', () => {
  it.each(MENTIONS)('%s → %j', (text, expected) => {
    expect(accts(text)).toEqual(expected);
  });

  it('splits username and domain', () => {
    expect(parseText('hi @user@example.org').tokens).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', text: '@user@example.org', username: 'user', domain: 'example.org' },
    ]);
    expect(parseText('@user').mentions).toEqual([{ username: 'user', domain: null, acct: 'user' }]);
  });
});

describe('parseText links', () => {
  it.each(LINKS)('%s → %j', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it('makes a URL with # and @ one link token, with no tag or mention inside', () => {
    const parsed = parseText('read https://example.org/@alice/1#reply-2 now');
    expect(parsed.tokens).toEqual([
      { type: 'text', text: 'read ' },
      {
        type: 'link',
        text: 'https://example.org/@alice/1#reply-2',
        url: 'https://example.org/@alice/1#reply-2',
      },
      { type: 'text', text: ' now' },
    ]);
    expect(parsed.tags).toEqual([]);
    expect(parsed.mentions).toEqual([]);
  });
});

describe('parseText tokens', () => {
  const inputs = [...HASHTAGS, ...MENTIONS, ...LINKS].map(([text]) => text);

  it.each(inputs)('reproduce the input exactly: %s', (text) => {
    const tokens = parseText(text).tokens;
    expect(tokens.map((t) => t.text).join('')).toBe(text);
  });

  it.each(inputs)('never put two text tokens side by side or leave one empty: %s', (text) => {
    const tokens = parseText(text).tokens;
    tokens.forEach((token, i) => {
      if (token.type === 'text') {
        expect(token.text).not.toBe('');
        expect(tokens[i + 1]?.type).not.toBe('text');
      }
    });
  });

  it('tokenises a mixed status in order', () => {
    const expected: Token[] = [
      { type: 'text', text: 'A1 ' },
      { type: 'tag', text: '#HashChat', name: 'hashchat', display: 'HashChat' },
      { type: 'text', text: ' thanks ' },
      { type: 'mention', text: '@host', username: 'host', domain: null },
      { type: 'text', text: ', slides: ' },
      { type: 'link', text: 'https://example.org/s', url: 'https://example.org/s' },
      { type: 'text', text: '.' },
    ];
    expect(parseText('A1 #HashChat thanks @host, slides: https://example.org/s.').tokens).toEqual(expected);
  });

  it('returns no tokens for empty text', () => {
    expect(parseText('')).toEqual({ tokens: [], tags: [], mentions: [], links: [] });
  });
});

describe('parseText performance', () => {
  // Inputs shaped to trigger backtracking in naive patterns. Linear parsing takes about 1 ms
  // here; a quadratic or exponential path takes far longer than the budget.
  it.each([
    ['hashes', '#'.repeat(5000)],
    ['long tag body', `#${'a'.repeat(4999)}`],
    ['tag separators', `#${'a·'.repeat(2500)}`],
    ['at signs', '@a'.repeat(2500)],
    ['username dots', `@${'a.'.repeat(2500)}`],
    ['domain dots', `@a@${'b.'.repeat(2500)}`],
    ['closing parens', `https://x.org/${')'.repeat(4980)}`],
    ['trailing dots', `https://x.org/${'.'.repeat(4980)}`],
    ['scheme starts', 'http:/'.repeat(833)],
    ['mixed', 'hi #tag @user https://x.org/a?b=c#d. '.repeat(135)],
  ])('%s (5,000 chars) parses quickly', (_name, text) => {
    const started = performance.now();
    const parsed = parseText(text);
    expect(performance.now() - started).toBeLessThan(100);
    expect(parsed.tokens.map((t) => t.text).join('')).toBe(text);
  });
});
