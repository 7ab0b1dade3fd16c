import { describe, expect, it } from 'vitest';
import { type ConsoleCommand, consoleCommand } from './console-keys';

const press = (key: string, extra: Partial<Parameters<typeof consoleCommand>[0]> = {}) =>
  consoleCommand({ key, altKey: false, ctrlKey: false, metaKey: false, typing: false, ...extra });

describe('console keys', () => {
  it.each<[string, ConsoleCommand]>([
    ['n', 'next'],
    ['s', 'spotlight'],
    ['?', 'help'],
    ['N', null],
    ['j', null],
    ['x', null],
  ])('%s → %s', (key, command) => {
    expect(press(key)).toBe(command);
  });

  it.each([
    ['typing in a field', { typing: true }],
    ['with Ctrl', { ctrlKey: true }],
    ['with Cmd', { metaKey: true }],
    ['with Alt', { altKey: true }],
  ])('does nothing %s', (_, extra) => {
    expect(press('n', extra)).toBeNull();
  });
});
