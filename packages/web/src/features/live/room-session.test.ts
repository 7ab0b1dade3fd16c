import type { ChatPage, ChatSession, SessionState } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { aSession } from '../../test-support/entities';
import { withSession } from '../chats/room-phase';
import { columnSource, liveRoomSession } from './room-session';

const now = new Date('2027-10-19T18:00:00Z');

function session(id: string, state: SessionState, startsInMinutes: number): ChatSession {
  const start = new Date(now.getTime() + startsInMinutes * 60_000);
  return aSession({
    id,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
    state,
  });
}

function chat(next: ChatSession | null, past: ChatSession[] = []): ChatPage {
  return { next_session: next, past_sessions: past, upcoming_sessions: next ? [next] : [] } as ChatPage;
}

describe('the session of a room', () => {
  it.each<[string, ChatPage, string | null]>([
    ['a live session', chat(session('1', 'live', -10)), '1'],
    ['one starting within the hour', chat(session('2', 'scheduled', 30)), '2'],
    ['none when the next is days away', chat(session('3', 'scheduled', 3 * 24 * 60)), null],
    ['one that just ended', chat(session('5', 'scheduled', 7 * 24 * 60), [session('4', 'ended', -90)]), '4'],
    ['none when nothing is planned', chat(null), null],
  ])('%s', (_, page, expected) => {
    expect(liveRoomSession(page, now)?.id ?? null).toBe(expected);
  });

  it.each<[SessionState, 'room' | 'tag']>([
    ['scheduled', 'tag'],
    ['live', 'room'],
    ['ended', 'room'],
  ])('a %s session’s column reads from the %s', (state, source) => {
    expect(columnSource({ state })).toBe(source);
  });
});

describe('a session state from the stream folded into the chat page', () => {
  it('moves a session that ended from next to the top of past, and keeps the room on it', () => {
    const live = session('5', 'live', -30);
    const folded = withSession(chat(live, [session('4', 'ended', -7 * 24 * 60)]), {
      ...live,
      state: 'ended',
    });
    expect(folded.next_session).toBeNull();
    expect(folded.past_sessions.map((s) => [s.id, s.state])).toEqual([
      ['5', 'ended'],
      ['4', 'ended'],
    ]);
    expect(liveRoomSession(folded, now)?.id).toBe('5');
  });
});
