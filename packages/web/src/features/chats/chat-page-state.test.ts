import type { Chat, ChatPage, ChatSession, SessionState } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { applyChatChange, applySessionChange, currentSession } from './chat-page-state';

const session = (id: string, startsAt: string, state: SessionState = 'scheduled') =>
  ({ id, chat_id: '7', starts_at: startsAt, state }) as ChatSession;

const page = {
  id: '7',
  title: 'Tea',
  following: true,
  upcoming_sessions: [session('2', '2027-10-19T18:00:00Z'), session('3', '2027-10-26T18:00:00Z')],
  past_sessions: [session('1', '2027-10-12T18:00:00Z', 'ended')],
  next_session: session('2', '2027-10-19T18:00:00Z'),
} as ChatPage;

const ids = (list: ChatSession[]) => list.map((s) => s.id);

describe('applySessionChange', () => {
  it('shows a session going live as the next session', () => {
    const next = applySessionChange(page, session('2', '2027-10-19T18:00:00Z', 'live'));
    expect(next.next_session?.state).toBe('live');
    expect(ids(next.upcoming_sessions)).toEqual(['2', '3']);
  });

  it('moves an ended session to the top of the past ones', () => {
    const next = applySessionChange(page, session('2', '2027-10-19T18:00:00Z', 'ended'));
    expect(ids(next.upcoming_sessions)).toEqual(['3']);
    expect(ids(next.past_sessions)).toEqual(['2', '1']);
    expect(next.next_session?.id).toBe('3');
  });

  it('drops a cancelled session', () => {
    const next = applySessionChange(page, session('2', '2027-10-19T18:00:00Z', 'cancelled'));
    expect(ids(next.upcoming_sessions)).toEqual(['3']);
    expect(ids(next.past_sessions)).toEqual(['1']);
  });

  it('re-sorts a moved session and adds a new one', () => {
    const moved = applySessionChange(page, session('2', '2027-10-30T18:00:00Z'));
    expect(ids(moved.upcoming_sessions)).toEqual(['3', '2']);
    const added = applySessionChange(page, session('9', '2027-10-20T18:00:00Z'));
    expect(ids(added.upcoming_sessions)).toEqual(['2', '9', '3']);
  });

  it('ignores sessions of other chats', () => {
    expect(applySessionChange(page, { ...session('5', '2027-10-20T18:00:00Z'), chat_id: '8' })).toBe(page);
  });
});

describe('applyChatChange', () => {
  it('takes the new fields and keeps the viewer follow and the lists', () => {
    const next = applyChatChange(page, { id: '7', title: 'Tea & cake', following: false } as Chat);
    expect([next.title, next.following, ids(next.upcoming_sessions)]).toEqual([
      'Tea & cake',
      true,
      ['2', '3'],
    ]);
  });
});

describe('currentSession', () => {
  it('prefers a live session over an earlier scheduled one', () => {
    expect(
      currentSession([session('a', '2027-10-19T18:00:00Z'), session('b', '2027-10-19T19:00:00Z', 'live')])
        ?.id,
    ).toBe('b');
  });
});
