// C0 controls and DEL, except tab and newline (CR is folded into newline first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * User-written text as it is kept: line breaks normalised to `\n`, and every other C0 control
 * character (NUL, ESC, backspace…) and DEL removed; tabs stay. Such characters have no meaning
 * in a post or a title and only serve to confuse what renders or parses the text later.
 */
export function stripControlChars(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
