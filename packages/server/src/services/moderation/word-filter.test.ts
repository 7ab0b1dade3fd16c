import { describe, expect, it } from 'vitest';
import { cleanWordFilter, matchWordFilter } from './word-filter';

describe('matchWordFilter', () => {
  it.each([
    ['Buy cheap spam here', ['spam'], 'spam'],
    ['SPAM!', ['spam'], 'spam'],
    ['spamming is fine', ['spam'], null],
    ['antispam', ['spam'], null],
    ['please BUY   now', ['buy now'], 'buy now'],
    ['buy later, now', ['buy now'], null],
    ['Ｓｐａｍ in full width', ['spam'], 'spam'],
    ['a #spam tag', ['spam'], 'spam'],
    ['nothing here', [], null],
    ['first and second', ['zzz', 'second', 'first'], 'second'],
    ['a.b matches literally', ['a.b'], 'a.b'],
    ['axb does not', ['a.b'], null],
  ])('%j with %j → %j', (text, entries, expected) => {
    expect(matchWordFilter(text, entries)).toBe(expected);
  });
});

describe('cleanWordFilter', () => {
  it('trims, drops blanks and case-insensitive duplicates, squeezes spaces', () => {
    expect(cleanWordFilter([' spam ', '', 'SPAM', 'buy   now', '  '])).toEqual(['spam', 'buy now']);
  });
});
