import { parseText } from '@hashchat/core/text/parse';
import { normalizeTag } from '@hashchat/core/text/tag-name';

/** Mastodon counts every link as this many characters, whatever its length. */
export const URL_LENGTH = 23;

/** Whether `text` already carries hashtag `tag` (compared as the server does, case-insensitively). */
export function containsTag(text: string, tag: string): boolean {
  const name = normalizeTag(tag);
  return parseText(text).tags.some((t) => t.name === name);
}

/** The text as it will be posted in the room of `tag`: with ` #tag` appended when missing. */
export function withRoomTag(text: string, tag: string | undefined): string {
  if (!tag || containsTag(text, tag)) return text;
  const body = text.trimEnd();
  return body ? `${body} #${tag}` : `#${tag}`;
}

/** Characters a status uses as Mastodon counts them: links 23 each, remote mentions without domain. */
export function statusLength(text: string): number {
  let length = 0;
  for (const token of parseText(text).tokens) {
    if (token.type === 'link') length += URL_LENGTH;
    else if (token.type === 'mention') length += [...`@${token.username}`].length;
    else length += [...token.text].length;
  }
  return length;
}
