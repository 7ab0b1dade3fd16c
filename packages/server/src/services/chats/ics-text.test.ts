import { describe, expect, it } from 'vitest';
import { icsText } from './ics-text';

describe('icsText', () => {
  it.each([
    ['plain', 'Tuesday chat', 'Tuesday chat'],
    ['comma and semicolon', 'a, b; c', 'a\\, b\\; c'],
    ['backslash first', 'C:\\n', 'C:\\\\n'],
    ['CRLF, CR and LF', 'x\r\nBEGIN:VEVENT\rSUMMARY:phish\nend', 'x\\nBEGIN:VEVENT\\nSUMMARY:phish\\nend'],
    ['control characters', 'a\u0000b\u001bc', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(icsText(input)).toBe(expected);
    expect(icsText(input)).not.toMatch(/[\r\n]/);
  });
});
