import { describe, expect, it } from 'vitest';
import { tagFromInput } from './tag-input';

describe('tagFromInput', () => {
  it.each([
    ['xyz', 'xyz'],
    ['  #TweetChat ', 'TweetChat'],
    ['＃café', 'café'],
    ['two words', null],
    ['#2024', null],
    ['', null],
    ['#', null],
  ])('%j → %j', (input, expected) => {
    expect(tagFromInput(input)).toBe(expected);
  });
});
