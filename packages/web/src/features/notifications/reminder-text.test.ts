import type { ChatSession } from '@hashchat/api/entities/chat';
import type { Notification } from '@hashchat/api/entities/notification';
import { describe, expect, it } from 'vitest';
import { reminderText } from './reminder-text';

const now = new Date('2027-10-19T17:45:00Z');

function reminder(
  startsAt: string,
  state: ChatSession['state'],
  kind: 'soon' | 'live' = 'soon',
): Notification {
  return {
    id: '1',
    type: 'chat_reminder',
    reminder: kind,
    chat_session: { starts_at: startsAt, state, title: 'Tea time' } as ChatSession,
  } as Notification;
}

describe('reminderText', () => {
  it.each([
    [
      'fifteen minutes ahead',
      reminder('2027-10-19T18:00:00Z', 'scheduled'),
      'starts in 15 minutes: Tea time',
    ],
    ['a minute ahead', reminder('2027-10-19T17:45:40Z', 'scheduled'), 'starts in 1 minute: Tea time'],
    ['two hours ahead', reminder('2027-10-19T19:45:00Z', 'scheduled'), 'starts in 2 hours: Tea time'],
    ['three days ahead', reminder('2027-10-22T17:45:00Z', 'scheduled'), 'starts in 3 days: Tea time'],
    ['the live reminder', reminder('2027-10-19T17:40:00Z', 'live', 'live'), 'is live now: Tea time'],
    ['a soon reminder read once live', reminder('2027-10-19T17:40:00Z', 'live'), 'is live now: Tea time'],
    [
      'a reminder read after the end',
      reminder('2027-10-19T16:00:00Z', 'ended', 'live'),
      'has ended: Tea time',
    ],
    ['a cancelled session', reminder('2027-10-19T18:00:00Z', 'cancelled'), 'was cancelled: Tea time'],
  ])('%s', (_name, notification, expected) => {
    expect(reminderText(notification, now)).toBe(expected);
  });
});
