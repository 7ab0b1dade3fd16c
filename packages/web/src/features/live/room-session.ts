import type { ChatPage, ChatSession } from '@hashchat/api/entities/chat';
import { roomPhase } from '../chats/room-phase';

/**
 * The session a chat's room is about at `now`: the live one, one counting down to its start,
 * or one that just ended; null when the next session is far off (the room is then a plain
 * hashtag room).
 */
export function liveRoomSession(chat: ChatPage, now: Date): ChatSession | null {
  const phase = roomPhase(chat, now);
  return phase.kind === 'none' || phase.kind === 'upcoming' ? null : phase.session;
}

/**
 * Where the room's column reads from: the session's classified room once it has started,
 * the hashtag's timeline before (the room index holds only the session's own statuses).
 */
export function columnSource(session: Pick<ChatSession, 'state'>): 'room' | 'tag' {
  return session.state === 'live' || session.state === 'ended' ? 'room' : 'tag';
}
