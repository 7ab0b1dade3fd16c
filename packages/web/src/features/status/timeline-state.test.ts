import type { Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { aStatus } from '../../test-support/entities';
import { initialTimeline, type TimelineAction, type TimelineState, timelineReducer } from './timeline-state';

function status(id: string, extra: Partial<Status> = {}): Status {
  return aStatus({ id, uri: `https://example.test/statuses/${id}`, content: `<p>${id}</p>`, ...extra });
}

function run(actions: TimelineAction[], from: TimelineState = initialTimeline): TimelineState {
  return actions.reduce(timelineReducer, from);
}

const ready = run([{ type: 'loaded', page: { items: [status('2'), status('1')], nextMaxId: '1' } }]);
const ids = (list: Status[]) => list.map((s) => s.id);

describe('timelineReducer', () => {
  it.each<[string, TimelineAction[], string[], string[]]>([
    [
      'live status enters the column at the top',
      [{ type: 'arrived', status: status('3') }],
      ['3', '2', '1'],
      [],
    ],
    [
      'paused: live statuses wait, newest first',
      [{ type: 'pause' }, { type: 'arrived', status: status('3') }, { type: 'arrived', status: status('4') }],
      ['2', '1'],
      ['4', '3'],
    ],
    [
      'scrolled away: live status waits',
      [
        { type: 'away', away: true },
        { type: 'arrived', status: status('3') },
      ],
      ['2', '1'],
      ['3'],
    ],
    [
      'back at the top with statuses waiting: newer ones queue behind them',
      [
        { type: 'away', away: true },
        { type: 'arrived', status: status('3') },
        { type: 'away', away: false },
        { type: 'arrived', status: status('4') },
      ],
      ['2', '1'],
      ['4', '3'],
    ],
    [
      'flush inserts the waiting statuses above the column',
      [{ type: 'pause' }, { type: 'arrived', status: status('3') }, { type: 'flush' }],
      ['3', '2', '1'],
      [],
    ],
    [
      'resume flushes and lets the next one in',
      [
        { type: 'pause' },
        { type: 'arrived', status: status('3') },
        { type: 'resume' },
        { type: 'arrived', status: status('4') },
      ],
      ['4', '3', '2', '1'],
      [],
    ],
    ['a status already shown is not added twice', [{ type: 'arrived', status: status('2') }], ['2', '1'], []],
    [
      'an own status shows at once even while paused, and its echo is not queued',
      [{ type: 'pause' }, { type: 'own', status: status('3') }, { type: 'arrived', status: status('3') }],
      ['3', '2', '1'],
      [],
    ],
    [
      'delete removes from the column and the queue',
      [
        { type: 'pause' },
        { type: 'arrived', status: status('3') },
        { type: 'removed', id: '3' },
        { type: 'removed', id: '1' },
      ],
      ['2'],
      [],
    ],
  ])('%s', (_name, actions, items, pending) => {
    const state = run(actions, ready);
    expect(ids(state.items)).toEqual(items);
    expect(ids(state.pending)).toEqual(pending);
  });

  it('merges statuses streamed during the first load above the page, without duplicates', () => {
    const state = run([
      { type: 'arrived', status: status('3') },
      { type: 'loaded', page: { items: [status('3'), status('2')], nextMaxId: '2' } },
    ]);
    expect(ids(state.items)).toEqual(['3', '2']);
    expect(state.phase).toBe('ready');
  });

  it('counts every new live status once', () => {
    const state = run(
      [
        { type: 'arrived', status: status('3') },
        { type: 'arrived', status: status('3') },
      ],
      ready,
    );
    expect(state.arrived).toBe(1);
  });

  it('replaces a changed status, also inside a reblog of it', () => {
    const reblog = status('9', { reblog: status('1') });
    const from = run([{ type: 'arrived', status: reblog }], ready);
    const state = run(
      [{ type: 'changed', status: status('1', { favourited: true, favourites_count: 1 }) }],
      from,
    );
    expect(state.items[0].reblog?.favourited).toBe(true);
    expect(state.items[2].favourites_count).toBe(1);
  });

  it('keeps the viewer’s vote when a poll’s new counts arrive presented for everyone', () => {
    const poll = {
      id: '5',
      expires_at: '2030-01-01T00:00:00.000Z',
      expired: false,
      multiple: false,
      votes_count: 1,
      voters_count: null,
      options: [
        { title: 'a', votes_count: 1 },
        { title: 'b', votes_count: 0 },
      ],
      emojis: [],
    };
    const mine = run(
      [{ type: 'arrived', status: status('3', { poll: { ...poll, voted: true, own_votes: [0] } }) }],
      ready,
    );
    const counted = { ...poll, votes_count: 2, options: [poll.options[0], { title: 'b', votes_count: 1 }] };
    const state = run([{ type: 'changed', status: status('3', { poll: counted }) }], mine);
    expect(state.items[0].poll).toMatchObject({ votes_count: 2, voted: true, own_votes: [0] });
  });

  it.each([
    ['in the column', [] as TimelineAction[]],
    ['behind the bar', [{ type: 'pause' }] as TimelineAction[]],
  ])('keeps the room classification of an own status the stream brought first (%s)', (_name, before) => {
    const chat = {
      session_id: '7',
      kind: 'answer' as const,
      question_number: 1,
      spotlighted: false,
      late: false,
      room_state: 'visible' as const,
      author_role: null,
    };
    const state = run(
      [...before, { type: 'arrived', status: status('3', { chat }) }, { type: 'own', status: status('3') }],
      ready,
    );
    expect(ids(state.items)).toEqual(['3', '2', '1']);
    expect(state.pending).toEqual([]);
    expect(state.items[0].chat).toEqual(chat);
  });

  it('stops paging after an empty page', () => {
    const state = run(
      [{ type: 'loading-more' }, { type: 'loaded-more', page: { items: [], nextMaxId: null } }],
      ready,
    );
    expect(state.nextMaxId).toBeNull();
    expect(state.loadingMore).toBe(false);
  });
});
