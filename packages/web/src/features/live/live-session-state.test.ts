import type { ChatSession } from '@hashchat/api/entities/chat';
import type { LiveState, Question } from '@hashchat/api/entities/live';
import type { Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { aQuestion } from '../../test-support/entities';
import { initialLiveSession, type LiveSessionState, liveSessionReducer } from './live-session-state';

const question = (id: string, n: number, state: Question['state'] = 'published'): Question =>
  aQuestion({ id, position: n, text: `question ${n}`, state, question_number: n });
const status = (id: string, favourites = 0) => ({ id, favourites_count: favourites }) as Status;
const session = (agendaPublic: boolean) =>
  ({ id: '7', state: 'live', agenda_public: agendaPublic }) as ChatSession;

const live: LiveState = {
  session: session(false),
  agenda_public: false,
  current_question: question('1', 1),
  next_question: null,
  counters: { people_in_room: 3, participants: 2, posts_per_minute: 1, statuses: 4 },
  spotlighted: [status('50')],
};

function run(...actions: Parameters<typeof liveSessionReducer>[1][]): LiveSessionState {
  return actions.reduce(liveSessionReducer, initialLiveSession);
}

describe('the live state of a session', () => {
  it('opens on the current question, numbers and pinned statuses', () => {
    const state = run({ type: 'live', live });
    expect(state.current?.id).toBe('1');
    expect(state.counters?.people_in_room).toBe(3);
    expect(state.spotlighted.map((s) => s.id)).toEqual(['50']);
    expect(state.agendaPublic).toBe(false);
  });

  it('moves the banner to a newly published question, not to a draft', () => {
    const state = run(
      { type: 'live', live },
      { type: 'question', question: question('3', 3, 'draft') },
      { type: 'question', question: question('2', 2) },
    );
    expect(state.current?.id).toBe('2');
    expect(state.questions.map((q) => q.id)).toEqual(['2', '3']);
  });

  it('keeps the later question when the first read arrives after a live event', () => {
    const state = run({ type: 'question', question: question('2', 2) }, { type: 'live', live });
    expect(state.current?.id).toBe('2');
  });

  it('pins the most recent spotlight first and unpins', () => {
    const pinned = run(
      { type: 'live', live },
      { type: 'spotlight', change: { status_id: '60', spotlighted: true, status: status('60') } },
    );
    expect(pinned.spotlighted.map((s) => s.id)).toEqual(['60', '50']);
    const unpinned = liveSessionReducer(pinned, {
      type: 'spotlight',
      change: { status_id: '50', spotlighted: false, status: null },
    });
    expect(unpinned.spotlighted.map((s) => s.id)).toEqual(['60']);
  });

  it('keeps a pinned status current when it is liked', () => {
    const state = run({ type: 'live', live }, { type: 'status', status: status('50', 4) });
    expect(state.spotlighted[0].favourites_count).toBe(4);
  });

  it('follows the agenda becoming public', () => {
    expect(run({ type: 'live', live }, { type: 'session', session: session(true) }).agendaPublic).toBe(true);
    expect(run({ type: 'live', live }, { type: 'agenda-public', value: true }).agendaPublic).toBe(true);
  });

  it('remembers each question number asked once', () => {
    const state = run(
      { type: 'asked', number: 4 },
      { type: 'asked', number: 4 },
      { type: 'asked', number: 2 },
    );
    expect(state.asked).toEqual([4, 2]);
  });

  it('has no current question once the session ends, from the stream or from the live state', () => {
    const ended = { ...session(false), state: 'ended' } as ChatSession;
    expect(run({ type: 'live', live }, { type: 'session', session: ended }).current).toBeNull();
    expect(run({ type: 'live', live: { ...live, session: ended } }).current).toBeNull();
  });
});
