// The bus topics events are published on and streams read. One builder per kind so a topic is
// spelled in one place (the server writes them into the events table: changing one is a migration).

/** Public statuses carrying a hashtag (by its normalized name). */
export const tagTopic = (name: string) => `tag:${name}`;
/** A chat's sessions and changes. */
export const chatTopic = (chatId: number | string) => `chat:${chatId}`;
/** One session's room: agenda, spotlight, counters, town hall. */
export const sessionTopic = (sessionId: number | string) => `session:${sessionId}`;
/**
 * A session's highlights, for very large rooms (docs/api.md, "Curated stream"): the hosts',
 * co-hosts' and guests' statuses, questions, spotlighted and approved ones and a rate-limited
 * sample of the rest, with every `chat.*` event and every `delete` of the session's topic.
 */
export const curatedTopic = (sessionId: number | string) => `curated:${sessionId}`;
/** The session id of a `session:<id>` topic, or null for any other topic. */
export const sessionOfTopic = (topic: string): number | null =>
  topic.startsWith('session:') && /^\d{1,18}$/.test(topic.slice(8)) ? Number(topic.slice(8)) : null;
/**
 * What the curated topic also carries of a session topic's events, whatever they are about:
 * the room's own events (`chat.*`: questions, spotlight, counters, town hall) and deletes, so a
 * curated reader's room stays whole and a status it was shown leaves when it goes. An `update`
 * or `status.update` goes to the curated topic only when the writer puts it there.
 */
export const followsOnCurated = (event: string): boolean => event.startsWith('chat.') || event === 'delete';
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
