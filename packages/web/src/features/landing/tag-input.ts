import { isValidTagName } from '@hashchat/core/text/tag-name';

/** The hashtag a person typed into "open a room" (with or without `#`), or null if it is not one. */
export function tagFromInput(input: string): string | null {
  const name = input.trim().replace(/^[#＃]/, '');
  return isValidTagName(name) ? name : null;
}
