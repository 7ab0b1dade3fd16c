import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';

const COUNTDOWN_MS = 60 * 60_000;
// For this long after a session ends, its room says so before pointing to the next one.
const RECENTLY_ENDED_MS = 6 * 60 * 60_000;

export type RoomPhase =
  | { kind: 'live'; session: ChatSession }
  | { kind: 'countdown'; session: ChatSession; ms: number }
  | { kind: 'starting'; session: ChatSession }
  | { kind: 'upcoming'; session: ChatSession }
  | { kind: 'ended'; session: ChatSession; next: ChatSession | null }
  | { kind: 'none' };

/** Where the chat of a room stands at `now`: live, counting down, just ended, later, or nothing planned. */
export function roomPhase(chat: ChatPage, now: Date): RoomPhase {
  const next = chat.next_session;
  if (next?.state === 'live') return { kind: 'live', session: next };
  const last = chat.past_sessions[0];
  const lastEnd = last ? Date.parse(last.ended_at ?? last.ends_at) : Number.NaN;
  if (last && now.getTime() - lastEnd < RECENTLY_ENDED_MS) return { kind: 'ended', session: last, next };
  if (!next) return { kind: 'none' };
  const ms = Date.parse(next.starts_at) - now.getTime();
  if (ms <= 0) return { kind: 'starting', session: next };
  if (ms <= COUNTDOWN_MS) return { kind: 'countdown', session: next, ms };
  return { kind: 'upcoming', session: next };
}

/**
 * The chat page as it stands once `session` (a newer state of one of its sessions, from the
 * stream) is folded in: a session that ended or was cancelled leaves `next_session` for the top
 * of `past_sessions`; one that went live becomes `next_session`.
 */
export function withSession(chat: ChatPage, session: ChatSession): ChatPage {
  const others = chat.past_sessions.filter((s) => s.id !== session.id);
  if (session.state === 'ended' || session.state === 'cancelled') {
    const next = chat.next_session?.id === session.id ? null : chat.next_session;
    return { ...chat, next_session: next, past_sessions: [session, ...others] };
  }
  if (session.state === 'live') return { ...chat, next_session: session, past_sessions: others };
  return chat;
}
