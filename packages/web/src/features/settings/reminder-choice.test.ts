import { describe, expect, it } from 'vitest';
import { reminderChoiceLabel } from './reminder-choice';

describe('reminderChoiceLabel', () => {
  it.each([
    [0, 'Only when the session goes live'],
    [15, '15 minutes before'],
    [60, '1 hour before'],
    [120, '2 hours before'],
    [90, '90 minutes before'],
    [1440, '1 day before'],
  ])('%d → %s', (minutes, expected) => {
    expect(reminderChoiceLabel(minutes)).toBe(expected);
  });
});
