/** Longest hashtag body accepted, in code points (both as written and normalised). */
export const TAG_MAX_LENGTH = 100;

const TAG_CHAR = '\\p{L}\\p{M}\\p{N}_';
// Middle dot, katakana middle dot and ZWNJ join words inside a tag (Persian needs ZWNJ),
// as Mastodon allows, but never start or end one.
const TAG_SEPARATOR = '\\u00B7\\u30FB\\u200C';

/**
 * Source of the hashtag body pattern, shared by the parser and the validator. Word characters
 * and separators are disjoint classes, so the nested quantifier cannot backtrack badly.
 */
export const TAG_BODY_PATTERN = `[${TAG_CHAR}]+(?:[${TAG_SEPARATOR}]+[${TAG_CHAR}]+)*`;

const WHOLE_BODY = new RegExp(`^(?:${TAG_BODY_PATTERN})$`, 'u');
// Mastodon asks for one [[:alpha:]] character, which is Unicode's Alphabetic property.
const ALPHABETIC = /\p{Alphabetic}/u;

/**
 * The one normaliser for tag names, used wherever tags are matched: NFKC (full-width and
 * compatibility forms fold) then a locale-independent lower-case. Display keeps the original.
 */
export function normalizeTag(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/**
 * Whether `name` is a hashtag body: letters, marks, numbers and `_` (separators only between
 * them), at least one alphabetic character (so `2024` and `_1` are not tags), at most
 * {@link TAG_MAX_LENGTH} code points.
 */
export function isValidTagName(name: string): boolean {
  let length = 0;
  for (const _ of name) {
    length += 1;
    if (length > TAG_MAX_LENGTH) return false;
  }
  return length > 0 && WHOLE_BODY.test(name) && ALPHABETIC.test(name);
}
