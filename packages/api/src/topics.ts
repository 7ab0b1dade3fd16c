// The bus topics events are published on and streams read. One builder per kind so a topic is
// spelled in one place (the server writes them into the events table: changing one is a migration).

/** Public statuses carrying a hashtag (by its normalized name). */
export const tagTopic = (name: string) => `tag:${name}`;
/** A chat's sessions and changes. */
export const chatTopic = (chatId: number | string) => `chat:${chatId}`;
/** One session's room: agenda, spotlight, counters, town hall. */
export const sessionTopic = (sessionId: number | string) => `session:${sessionId}`;
/** What only this user receives: notifications, direct statuses, follow changes. */
export const userTopic = (accountId: number | string) => `user:${accountId}`;
/** An account's own public statuses (followers' home streams read it). */
export const accountTopic = (accountId: number | string) => `account:${accountId}`;
/** A user's blocks and mutes changing, for their open streams. */
export const safetyTopic = (accountId: number | string) => `safety:${accountId}`;
/** Every public status. */
export const PUBLIC_TOPIC = 'public';
/** Every public status of this instance. */
export const PUBLIC_LOCAL_TOPIC = 'public:local';
/** A list's membership changing, for the owner's open streams of that list. */
export const listTopic = (listId: number | string) => `list:${listId}`;
/** A user's direct conversations changing (the `direct` stream's `conversation` events). */
export const directTopic = (accountId: number | string) => `direct:${accountId}`;
