import { describe, expect, it } from 'vitest';
import { stripControlChars } from './control-chars';

describe('stripControlChars', () => {
  it.each([
    ['plain text', 'Hello #tag', 'Hello #tag'],
    ['only NULs', '\u0000\u0000\u0000', ''],
    ['NUL inside', 'a\u0000b', 'ab'],
    ['ESC sequences', '\u001b[31mred\u001b[0m', '[31mred[0m'],
    ['DEL and backspace', 'a\u007fb\u0008c', 'abc'],
    ['tabs and newlines kept', 'a\tb\nc', 'a\tb\nc'],
    ['CRLF and lone CR become newlines', 'a\r\nb\rc', 'a\nb\nc'],
    ['vertical tab and form feed removed', 'a\u000bb\u000cc', 'abc'],
    ['non-ASCII text untouched', 'café 🎉 ünïcode', 'café 🎉 ünïcode'],
  ])('%s', (_name, input, expected) => {
    expect(stripControlChars(input)).toBe(expected);
  });
});
