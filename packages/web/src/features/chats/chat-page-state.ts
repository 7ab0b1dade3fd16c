import type { Chat, ChatPage, ChatSession } from '@hashchat/api/entities/chat';

const PAST_KEPT = 20;

/** The session a chat is about now: a live one, else the soonest still to come. */
export function currentSession(sessions: ChatSession[]): ChatSession | null {
  return sessions.find((s) => s.state === 'live') ?? sessions.find((s) => s.state === 'scheduled') ?? null;
}

/**
 * A chat page after a `chat.session` event: the session leaves the list it was in and joins
 * the upcoming list (scheduled, live; soonest first) or the past one (ended; latest first);
 * a cancelled one leaves both. The chat's next session follows.
 */
export function applySessionChange(page: ChatPage, session: ChatSession): ChatPage {
  if (session.chat_id !== page.id) return page;
  const others = (list: ChatSession[]) => list.filter((s) => s.id !== session.id);
  let upcoming = others(page.upcoming_sessions);
  let past = others(page.past_sessions);
  if (session.state === 'scheduled' || session.state === 'live') {
    upcoming = [...upcoming, session].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  } else if (session.state === 'ended') {
    past = [session, ...past].sort((a, b) => b.starts_at.localeCompare(a.starts_at)).slice(0, PAST_KEPT);
  }
  return {
    ...page,
    upcoming_sessions: upcoming,
    past_sessions: past,
    next_session: currentSession(upcoming),
  };
}

/** A chat page after a `chat.update` event: the chat's fields change, its session lists and the viewer's follow stay. */
export function applyChatChange(page: ChatPage, chat: Chat): ChatPage {
  if (chat.id !== page.id) return page;
  return {
    ...page,
    ...chat,
    following: page.following,
    upcoming_sessions: page.upcoming_sessions,
    past_sessions: page.past_sessions,
  };
}
