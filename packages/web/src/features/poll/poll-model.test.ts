import type { Poll } from '@hashchat/api/entities/poll';
import { describe, expect, it } from 'vitest';
import { closesLabel, keepOwnVote, pollClosed, pollResults, totalLabel } from './poll-model';

const NOW = new Date('2026-03-02T12:00:00Z');

function poll(over: Partial<Poll> = {}): Poll {
  return {
    id: '7',
    expires_at: '2026-03-02T12:30:00Z',
    expired: false,
    multiple: false,
    votes_count: 4,
    voters_count: null,
    options: [
      { title: 'Pricing', votes_count: 3 },
      { title: 'Hiring', votes_count: 1 },
    ],
    emojis: [],
    ...over,
  };
}

describe('closesLabel', () => {
  it.each([
    ['2026-03-02T12:30:00Z', false, 'Closes in 30 minutes'],
    ['2026-03-02T12:00:40Z', false, 'Closes in 1 minute'],
    ['2026-03-02T15:00:00Z', false, 'Closes in 3 hours'],
    ['2026-03-05T12:00:00Z', false, 'Closes in 3 days'],
    ['2026-03-02T11:59:00Z', false, 'Closed'],
    ['2026-03-02T12:30:00Z', true, 'Closed'],
  ])('ends %s (expired: %s) → %s', (expires_at, expired, label) => {
    expect(closesLabel(poll({ expires_at, expired }), NOW, 'en')).toBe(label);
    expect(pollClosed(poll({ expires_at, expired }), NOW)).toBe(label === 'Closed');
  });
});

describe('pollResults', () => {
  it('gives each option its share of the votes, the viewer’s choice and the leader marked', () => {
    expect(pollResults(poll({ voted: true, own_votes: [1] }))).toEqual([
      { title: 'Pricing', count: 3, percent: 75, own: false, leading: true },
      { title: 'Hiring', count: 1, percent: 25, own: true, leading: false },
    ]);
  });

  it('leads with nobody before the first vote', () => {
    const empty = poll({
      votes_count: 0,
      options: [
        { title: 'a', votes_count: 0 },
        { title: 'b', votes_count: 0 },
      ],
    });
    expect(pollResults(empty).map((r) => [r.percent, r.leading])).toEqual([
      [0, false],
      [0, false],
    ]);
  });
});

describe('totalLabel', () => {
  it.each([
    [poll({ votes_count: 1 }), '1 vote'],
    [poll({ votes_count: 4 }), '4 votes'],
    [poll({ multiple: true, votes_count: 5, voters_count: 3 }), '3 people'],
  ])('%#: %s', (p, label) => expect(totalLabel(p)).toBe(label));
});

describe('keepOwnVote', () => {
  const mine = poll({ voted: true, own_votes: [0] });
  it('keeps the viewer’s vote on a poll presented for everyone', () => {
    const streamed = poll({ votes_count: 5 });
    expect(keepOwnVote(streamed, mine)).toMatchObject({ votes_count: 5, voted: true, own_votes: [0] });
  });
  it('takes the viewer’s own word when the poll carries it', () => {
    const answered = poll({ voted: false, own_votes: [] });
    expect(keepOwnVote(answered, mine).voted).toBe(false);
  });
  it('carries nothing over from another poll', () => {
    expect(keepOwnVote(poll({ id: '8' }), mine).voted).toBeUndefined();
  });
});
