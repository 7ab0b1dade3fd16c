import { describe, expect, it } from 'vitest';
import { slowModeText, slowModeWait } from './slow-mode';

describe('slowModeWait', () => {
  it.each([
    ['Slow mode: wait 30 seconds before posting in #tea again', 30],
    ['Slow mode: wait 1 second before posting in #tea again', 1],
    ["You are banned from #tea's chat", null],
    ['Too many questions: wait 12 seconds', null],
    [null, null],
  ])('%s → %s', (message, expected) => {
    expect(slowModeWait(message)).toBe(expected);
  });
});

describe('slowModeText', () => {
  it.each([
    [12, 'Slow mode: you can post again in 12 seconds.'],
    [1, 'Slow mode: you can post again in 1 second.'],
    [0, 'Slow mode: you can post again now.'],
  ])('%i seconds left', (left, text) => {
    expect(slowModeText(left)).toBe(text);
  });
});
