import { describe, expect, it } from 'vitest';
import { parseWordFilter, wordFilterText } from './word-filter-text';

describe('parseWordFilter', () => {
  it.each([
    ['spam\nbuy now', ['spam', 'buy now']],
    ['spam, scam ,  ', ['spam', 'scam']],
    ['  buy    now \n\nSpam\nspam', ['buy now', 'Spam']],
    ['', []],
  ])('%j', (text, list) => {
    expect(parseWordFilter(text)).toEqual(list);
  });

  it('round-trips through the text box', () => {
    expect(parseWordFilter(wordFilterText(['a b', 'c']))).toEqual(['a b', 'c']);
  });
});
