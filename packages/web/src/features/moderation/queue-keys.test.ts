import { describe, expect, it } from 'vitest';
import { queueCommand } from './queue-keys';

const plain = { altKey: false, ctrlKey: false, metaKey: false, typing: false };

describe('queueCommand', () => {
  it.each([
    ['a', 'approve'],
    ['x', 'reject'],
    ['h', 'hide'],
    ['m', 'mute'],
    ['b', 'ban'],
    ['j', 'next'],
    ['k', 'previous'],
    ['?', 'help'],
    ['A', null],
    ['n', null],
  ])('%s → %s', (key, command) => {
    expect(queueCommand({ ...plain, key })).toBe(command);
  });

  it.each([
    { ...plain, typing: true },
    { ...plain, ctrlKey: true },
    { ...plain, metaKey: true },
    { ...plain, altKey: true },
  ])('ignores keys while typing or with a modifier (%o)', (state) => {
    expect(queueCommand({ ...state, key: 'a' })).toBeNull();
  });
});
