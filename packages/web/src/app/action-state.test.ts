import { describe, expect, it } from 'vitest';
import { type ActionEvent, type ActionState, actionIdle, actionReducer, shownPressed } from './action-state';

const run = (events: ActionEvent<boolean>[]) =>
  events.reduce<ActionState<boolean>>((state, event) => actionReducer(state, event), actionIdle);

describe('actionReducer and shownPressed', () => {
  it.each<[string, boolean, ActionEvent<boolean>[], { busy: boolean; error: string | null; shown: boolean }]>(
    [
      ['idle shows the known state', false, [], { busy: false, error: null, shown: false }],
      [
        'a press flips at once and is busy',
        false,
        [{ type: 'start', pending: true }],
        { busy: true, error: null, shown: true },
      ],
      [
        'success leaves the known state (the owner recorded the answer)',
        true,
        [{ type: 'start', pending: true }, { type: 'done' }],
        { busy: false, error: null, shown: true },
      ],
      [
        'failure rolls back and keeps the message',
        false,
        [
          { type: 'start', pending: true },
          { type: 'failed', error: 'No.' },
        ],
        { busy: false, error: 'No.', shown: false },
      ],
      [
        'pressing again clears the last error',
        true,
        [
          { type: 'failed', error: 'No.' },
          { type: 'start', pending: false },
        ],
        { busy: true, error: null, shown: false },
      ],
      [
        'an action without an optimistic value shows the known state while busy',
        true,
        [{ type: 'start', pending: null }],
        { busy: true, error: null, shown: true },
      ],
    ],
  )('%s', (_name, known, events, expected) => {
    const state = run(events);
    expect({ busy: state.busy, error: state.error, shown: shownPressed(known, state) }).toEqual(expected);
  });
});
