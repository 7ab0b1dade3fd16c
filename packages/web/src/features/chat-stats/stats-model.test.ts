import type { SessionStats } from '@hashchat/api/entities/recap';
import { describe, expect, it } from 'vitest';
import { growth, growthSentence, sessionLabels } from './stats-model';

function row(startsAt: string, participants: number, fresh: number, statuses = 10): SessionStats {
  return {
    session: { id: startsAt, starts_at: startsAt } as SessionStats['session'],
    statuses_count: statuses,
    participants_count: participants,
    new_participants_count: fresh,
    returning_participants_count: participants - fresh,
  };
}

describe('sessionLabels', () => {
  it('names each session by its local day, adding the time when a day holds two', () => {
    const sessions = [
      row('2027-03-01T13:00:00Z', 2, 2),
      row('2027-03-01T15:00:00Z', 6, 4),
      row('2027-03-08T15:00:00Z', 5, 1),
    ];
    expect(sessionLabels(sessions, { timeZone: 'UTC' })).toEqual(['1 Mar, 13:00', '1 Mar, 15:00', '8 Mar']);
  });

  it('uses the viewer zone: a late UTC start is the next day in Tokyo', () => {
    expect(sessionLabels([row('2027-03-01T20:00:00Z', 1, 1)], { timeZone: 'Asia/Tokyo' })).toEqual(['2 Mar']);
  });
});

describe('growth', () => {
  it('is null without sessions', () => {
    expect(growth([])).toBeNull();
  });

  it.each([
    [
      [row('2027-03-01T13:00:00Z', 2, 2), row('2027-03-08T13:00:00Z', 6, 4)],
      'up 4 from 2; 6 people came for the first time',
    ],
    [[row('2027-03-01T13:00:00Z', 6, 6), row('2027-03-08T13:00:00Z', 4, 0)], 'down 2 from 6'],
    [[row('2027-03-01T13:00:00Z', 3, 3), row('2027-03-08T13:00:00Z', 3, 1)], 'the same as the first'],
    [[row('2027-03-01T13:00:00Z', 1, 1)], 'One session so far, with 1 participant.'],
  ])('%#: says %s', (sessions, phrase) => {
    const g = growth(sessions);
    expect(g).not.toBeNull();
    expect(growthSentence(g as NonNullable<typeof g>)).toContain(phrase);
  });

  it('sums new people and compares first and latest', () => {
    expect(growth([row('a', 2, 2), row('b', 9, 5), row('c', 6, 4)])).toEqual({
      sessions: 3,
      firstParticipants: 2,
      lastParticipants: 6,
      change: 4,
      newPeople: 11,
    });
  });
});
