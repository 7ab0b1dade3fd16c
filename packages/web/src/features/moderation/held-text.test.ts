import { describe, expect, it } from 'vitest';
import { heldText } from './held-text';

describe('heldText', () => {
  it.each([
    [undefined, true, null],
    ['visible', false, null],
    ['muted', true, 'Only you can see this: you are muted in this chat.'],
    ['muted', false, 'Held: its author is muted in this chat, so only they and the hosts see it.'],
    ['pending', true, 'Waiting for a host to approve it; until then only you and the hosts can see it.'],
    ['pending', false, 'Waiting for approval: only its author and the hosts see it.'],
    ['hidden', false, 'Hidden from the room: only its author and the hosts see it.'],
  ] as const)('%s, own %s', (state, own, text) => {
    expect(heldText(state, own)).toBe(text);
  });
});
