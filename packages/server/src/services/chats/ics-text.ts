import { stripControlChars } from '@hashchat/core/text/control-chars';

/**
 * A TEXT value for an iCalendar content line (RFC 5545 §3.3.11): backslash, semicolon and comma
 * escaped, every line break written as `\n`, other control characters dropped. Without it a
 * newline in a chat title would start a content line of its own (a forged VEVENT, say).
 */
export function icsText(text: string): string {
  return stripControlChars(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}
