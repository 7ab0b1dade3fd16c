import type { Account } from '@hashchat/api/entities/account';
import type { LoggedAction } from '@hashchat/api/entities/moderation';
import { describe, expect, it } from 'vitest';
import { durationText, logText, undoOf } from './log-text';

const ann = { acct: 'ann' } as Account;
const entry = (over: Partial<LoggedAction>) =>
  ({ account: ann, duration_minutes: null, ...over }) as LoggedAction;

describe('logText', () => {
  it.each([
    [entry({ action: 'hide' }), 'hid a status by @ann'],
    [entry({ action: 'mute', duration_minutes: 60 }), 'muted @ann for 1 hour'],
    [entry({ action: 'ban' }), 'banned @ann'],
    [entry({ action: 'unmute' }), 'unmuted @ann'],
    [entry({ action: 'settings', account: null }), 'changed the room settings'],
    [entry({ action: 'dismiss_submission' }), 'dismissed a question by @ann'],
    [entry({ action: 'approve', account: null }), 'let in a held status'],
    [entry({ action: 'something_new', account: null }), 'something new'],
  ])('%#: %s', (e, text) => {
    expect(logText(e)).toBe(text);
  });
});

describe('durationText', () => {
  it.each([
    [10, '10 minutes'],
    [1, '1 minute'],
    [120, '2 hours'],
    [1440, '1 day'],
    [10080, '7 days'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });
});

describe('undoOf', () => {
  it.each([
    ['hide', 'unhide'],
    ['mute', 'unmute'],
    ['ban', 'unban'],
    ['unhide', null],
    ['settings', null],
  ])('%s → %s', (action, undo) => {
    expect(undoOf(action)).toBe(undo);
  });
});
