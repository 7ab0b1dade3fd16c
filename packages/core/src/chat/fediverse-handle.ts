/**
 * How a chat is named on the fediverse. Its `Group` actor's username is `chat.` followed by the
 * chat's hashtag as normalized (`#BookClub` → `chat.bookclub`), so its handle is
 * `chat.bookclub@example.com`. Local usernames are letters, digits and `_` only, so no username
 * can ever be a chat's: the dot keeps the two apart without reserving any word.
 */
export const CHAT_HANDLE_PREFIX = 'chat.';

/** The username part of a chat's handle. */
export const chatActorName = (tagName: string) => `${CHAT_HANDLE_PREFIX}${tagName}`;

/** The hashtag a chat's actor name stands for, or null when the name is not a chat's. */
export function tagOfChatActorName(name: string): string | null {
  if (!name.toLowerCase().startsWith(CHAT_HANDLE_PREFIX)) return null;
  const tag = name.slice(CHAT_HANDLE_PREFIX.length).toLowerCase();
  return tag === '' ? null : tag;
}
