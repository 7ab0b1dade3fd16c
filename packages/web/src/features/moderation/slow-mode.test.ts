import type { SlowMode } from '@hashchat/api/entities/moderation';
import { describe, expect, it } from 'vitest';
import { intervalText, slowModeText, slowModeWait } from './slow-mode';

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

describe('intervalText', () => {
  it.each([
    [1, '1 second'],
    [30, '30 seconds'],
    [60, '1 minute'],
    [90, '90 seconds'],
    [120, '2 minutes'],
    [150, '150 seconds'],
  ])('%i → %s', (n, text) => {
    expect(intervalText(n)).toBe(text);
  });
});

describe('slowModeText', () => {
  const rule = (over: Partial<SlowMode> = {}): SlowMode => ({
    slow_mode_seconds: 60,
    next_post_at: null,
    exempt: false,
    ...over,
  });
  it.each<[string, SlowMode | null, number | null, string | null]>([
    ['on, free to post', rule(), null, 'Slow mode is on: one post every 1 minute.'],
    [
      'on, waiting',
      rule(),
      42,
      'Slow mode is on: one post every 1 minute. You can post again in 42 seconds.',
    ],
    ['on, wait over', rule(), 0, 'Slow mode is on: one post every 1 minute.'],
    [
      'on, one second left',
      rule(),
      1,
      'Slow mode is on: one post every 1 minute. You can post again in 1 second.',
    ],
    ['off', rule({ slow_mode_seconds: 0 }), null, null],
    ['a host, exempt', rule({ exempt: true }), null, null],
    ['not known yet', null, null, null],
    ['turned on since: a refusal', null, 12, 'Slow mode: you can post again in 12 seconds.'],
    ['turned on since: wait over', rule({ slow_mode_seconds: 0 }), 0, 'Slow mode: you can post again now.'],
  ])('%s', (_, r, left, text) => {
    expect(slowModeText(r, left)).toBe(text);
  });
});
