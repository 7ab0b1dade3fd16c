import { describe, expect, it } from 'vitest';
import { computeRecap, normalizeLink, type RecapInput, type RecapStatus } from './recap';

const T0 = Date.parse('2027-03-02T20:00:00Z');
const min = (m: number, s = 0) => T0 + m * 60_000 + s * 1000;

let seq = 0;
const st = (p: Partial<RecapStatus> & Pick<RecapStatus, 'accountId'>): RecapStatus => ({
  id: String(++seq),
  kind: 'comment',
  questionNumber: null,
  createdAt: T0,
  late: false,
  favouritesCount: 0,
  reblogsCount: 0,
  language: 'en',
  links: [],
  mentionedAccountIds: [],
  ...p,
});

const input = (statuses: RecapStatus[], over: Partial<RecapInput> = {}): RecapInput => ({
  statuses,
  hostIds: new Set(['h']),
  returningIds: new Set(),
  followersCount: new Map(),
  distinctFollowers: 0,
  startedAt: T0,
  ...over,
});

describe('computeRecap', () => {
  // h hosts; a, b, c take part; a came before (returning); c posts late.
  const statuses = [
    st({ accountId: 'h', kind: 'question', questionNumber: 1, createdAt: min(0, 10) }),
    st({
      accountId: 'a',
      kind: 'answer',
      questionNumber: 1,
      createdAt: min(1, 5),
      favouritesCount: 3,
      reblogsCount: 1,
      links: ['https://Example.com/x#top', 'https://example.com/x?utm_source=t'],
    }),
    st({
      accountId: 'b',
      kind: 'answer',
      questionNumber: 1,
      createdAt: min(1, 30),
      favouritesCount: 4,
      mentionedAccountIds: ['a', 'a'],
      language: null,
    }),
    st({ accountId: 'h', kind: 'question', questionNumber: 2, createdAt: min(3) }),
    st({
      accountId: 'a',
      kind: 'comment',
      createdAt: min(3, 20),
      mentionedAccountIds: ['b'],
      links: ['https://other.org/'],
    }),
    st({
      accountId: 'c',
      kind: 'answer',
      questionNumber: 2,
      createdAt: min(90),
      late: true,
      reblogsCount: 2,
      language: 'de',
      mentionedAccountIds: ['a'],
      links: ['https://example.com/x'],
    }),
  ];
  const r = computeRecap(
    input(statuses, {
      returningIds: new Set(['a', 'zz']),
      followersCount: new Map([
        ['h', 100],
        ['a', 10],
        ['b', 1],
      ]),
      distinctFollowers: 77,
    }),
  );

  it('counts statuses, participants (new and returning) and the hosts share', () => {
    expect(r).toMatchObject({
      statusesCount: 6,
      lateStatusesCount: 1,
      participantsCount: 4,
      newParticipantsCount: 3,
      returningParticipantsCount: 1,
      hostsStatusesCount: 2,
      hostsShare: 2 / 6,
    });
  });

  it('counts answers per question, including questions without answers', () => {
    expect(r.answersPerQuestion).toEqual([
      { questionNumber: 1, count: 2 },
      { questionNumber: 2, count: 1 },
    ]);
  });

  it('has a dense per-minute series without late statuses, and its peak', () => {
    expect(r.postsPerMinute.map((m) => [m.minute, m.count])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 2],
    ]);
    expect(r.postsPerMinute[2].at).toBe(min(2));
    expect(r.peakMinute).toEqual({ minute: 1, at: min(1), count: 2 });
  });

  it('ranks participants, answers, mentions, links and languages', () => {
    expect(r.topParticipants).toEqual([
      { accountId: 'a', statusesCount: 2 },
      { accountId: 'h', statusesCount: 2 },
      { accountId: 'b', statusesCount: 1 },
      { accountId: 'c', statusesCount: 1 },
    ]);
    // a: 3+1, b: 4+0 — equal sums, more likes first; c: 0+2.
    expect(r.topAnswers.map((a) => a.accountId)).toEqual(['b', 'a', 'c']);
    expect(r.topAnswers[1]).toEqual({
      statusId: statuses[1].id,
      accountId: 'a',
      questionNumber: 1,
      favouritesCount: 3,
      reblogsCount: 1,
    });
    // a status mentioning someone twice counts once.
    expect(r.mostMentioned).toEqual([
      { accountId: 'a', mentionsCount: 2 },
      { accountId: 'b', mentionsCount: 1 },
    ]);
    expect(r.links).toEqual([
      { url: 'https://example.com/x', count: 2, firstStatusId: statuses[1].id },
      { url: 'https://other.org/', count: 1, firstStatusId: statuses[4].id },
    ]);
    expect(r.languages).toEqual([
      { language: 'en', count: 4 },
      { language: 'de', count: 1 },
      { language: 'und', count: 1 },
    ]);
  });

  it('takes reach as given and sums impressions per status', () => {
    expect(r.potentialReach).toBe(77);
    expect(r.potentialImpressions).toBe(100 + 10 + 1 + 100 + 10 + 0);
  });

  it('is all zeros for an empty room', () => {
    expect(computeRecap(input([]))).toMatchObject({
      statusesCount: 0,
      participantsCount: 0,
      hostsShare: 0,
      postsPerMinute: [],
      peakMinute: null,
      links: [],
    });
  });

  it('starts the series before minute 0 when statuses came early, and honours topLimit', () => {
    const early = computeRecap(
      input([st({ accountId: 'a', createdAt: min(-2) }), st({ accountId: 'b', createdAt: min(0) })], {
        topLimit: 1,
      }),
    );
    expect(early.postsPerMinute.map((m) => m.minute)).toEqual([-2, -1, 0]);
    expect(early.topParticipants).toHaveLength(1);
  });
});

describe('normalizeLink', () => {
  it.each([
    ['https://Example.COM/a#frag', 'https://example.com/a'],
    ['https://example.com:443/a?utm_source=x&id=2', 'https://example.com/a?id=2'],
    ['https://example.com/a?utm_medium=x', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
    ['not a url', 'not a url'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeLink(raw)).toBe(want);
  });
});
