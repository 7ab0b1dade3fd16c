import type { ChatPage, ChatSession, SessionState } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { roomPhase } from './room-phase';

const now = new Date('2027-10-19T17:50:00Z');
const session = (id: string, startsAt: string, state: SessionState, endsAt = startsAt) =>
  ({ id, starts_at: startsAt, ends_at: endsAt, state }) as ChatSession;

function chat(next: ChatSession | null, past: ChatSession[] = []): ChatPage {
  return {
    next_session: next,
    past_sessions: past,
    upcoming_sessions: next ? [next] : [],
  } as unknown as ChatPage;
}

describe('roomPhase', () => {
  it.each([
    ['live', chat(session('1', '2027-10-19T17:00:00Z', 'live')), 'live'],
    ['ten minutes ahead: a countdown', chat(session('1', '2027-10-19T18:00:00Z', 'scheduled')), 'countdown'],
    ['two days ahead: upcoming', chat(session('1', '2027-10-21T18:00:00Z', 'scheduled')), 'upcoming'],
    ['past its start, not live yet', chat(session('1', '2027-10-19T17:49:00Z', 'scheduled')), 'starting'],
    ['nothing planned', chat(null), 'none'],
    [
      'ended an hour ago, next in a week',
      chat(session('2', '2027-10-26T18:00:00Z', 'scheduled'), [
        session('1', '2027-10-19T15:00:00Z', 'ended', '2027-10-19T16:50:00Z'),
      ]),
      'ended',
    ],
    [
      'ended a week ago',
      chat(session('2', '2027-10-21T18:00:00Z', 'scheduled'), [
        session('1', '2027-10-12T18:00:00Z', 'ended', '2027-10-12T19:00:00Z'),
      ]),
      'upcoming',
    ],
  ])('%s', (_name, page, kind) => {
    expect(roomPhase(page, now).kind).toBe(kind);
  });

  it('counts down the milliseconds to the start', () => {
    const phase = roomPhase(chat(session('1', '2027-10-19T18:02:34Z', 'scheduled')), now);
    expect(phase).toMatchObject({ kind: 'countdown', ms: 754_000 });
  });

  it('prefers live over a session that just ended', () => {
    const page = chat(session('2', '2027-10-19T17:45:00Z', 'live'), [
      session('1', '2027-10-19T16:00:00Z', 'ended', '2027-10-19T17:00:00Z'),
    ]);
    expect(roomPhase(page, now).kind).toBe('live');
  });
});
