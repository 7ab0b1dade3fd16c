import { describe, expect, it } from 'vitest';
import { isValidTagName, normalizeTag } from './tag-name';

describe('normalizeTag', () => {
  it.each([
    ['Tag', 'tag'],
    ['TAG', 'tag'],
    ['ＨＡＳＨ', 'hash'],
    ['ｈａｓｈ２０２４', 'hash2024'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['日本語', '日本語'],
    ['Café', 'café'],
    // Decomposed e + combining acute composes to the same name as the precomposed form.
    ['Cafe\u0301', 'café'],
    ['ÄÖÜ', 'äöü'],
    ['ﬁnance', 'finance'],
    ['İstanbul', 'i\u0307stanbul'],
    ['ΣΟΦΙΑ', 'σοφια'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTag(input)).toBe(expected);
  });

  it.each(['Tag', 'ＨＡＳＨ', 'İstanbul', 'ΣΟΦΙΑ', 'Cafe\u0301', 'ｶﾞｷﾞ'])('is idempotent on %s', (input) => {
    const once = normalizeTag(input);
    expect(normalizeTag(once)).toBe(once);
  });
});

describe('isValidTagName', () => {
  it.each([
    ['a', true],
    ['a1', true],
    ['1a', true],
    ['hashtag_chat', true],
    ['日本語', true],
    ['café', true],
    ['タグ・テスト', true],
    ['می\u200Cخواهم', true],
    ['ＨＡＳＨ', true],
    ['a'.repeat(100), true],
    ['a'.repeat(101), false],
    // 100 astral letters are 200 code units but 100 code points.
    ['𝐀'.repeat(100), true],
    ['', false],
    ['1', false],
    ['2024', false],
    ['١٢٣', false],
    ['_', false],
    ['_1', false],
    ['c++', false],
    ['two words', false],
    ['#tag', false],
    ['·tag', false],
    ['tag·', false],
    ['a-b', false],
  ])('%s → %s', (name, expected) => {
    expect(isValidTagName(name)).toBe(expected);
  });
});
