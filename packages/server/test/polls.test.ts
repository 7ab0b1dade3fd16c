import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTag } from './live-helpers';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

const T0 = Date.parse('2027-06-01T12:00:00Z');
const clock = { now: T0 };
let server: TestServer;
type User = Awaited<ReturnType<typeof registerUser>>;
let author: User;
let voter: User;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock.now });
  author = await registerUser(server.url);
  voter = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function pollStatus(poll: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await author.api.post('/api/v1/statuses', { status: 'Which one?', poll, ...extra });
  expect(res.status).toBe(200);
  return res.body;
}
const votes = (api: Api, pollId: string, choices: unknown) =>
  api.post(`/api/v1/polls/${pollId}/votes`, { choices });

describe('posting a poll', () => {
  it('puts a Mastodon Poll on the status, readable at /api/v1/polls/:id', async () => {
    const s = await pollStatus({ options: ['Tea', 'Coffee'], expires_in: 600 });
    expect(s.poll).toEqual({
      id: expect.stringMatching(/^\d+$/),
      expires_at: new Date(T0 + 600_000).toISOString(),
      expired: false,
      multiple: false,
      votes_count: 0,
      voters_count: null,
      options: [
        { title: 'Tea', votes_count: 0 },
        { title: 'Coffee', votes_count: 0 },
      ],
      emojis: [],
    });
    const read = await voter.api.get(`/api/v1/polls/${s.poll.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: s.poll.id, voted: false, own_votes: [] });
    expect((await voter.api.get(`/api/v1/statuses/${s.id}`)).body.poll.id).toBe(s.poll.id);
  });

  it('takes the poll as form fields too', async () => {
    const form = new URLSearchParams([
      ['status', 'which?'],
      ['poll[options][]', 'a'],
      ['poll[options][]', 'b'],
      ['poll[options][]', 'c'],
      ['poll[expires_in]', '3600'],
      ['poll[multiple]', 'true'],
    ]);
    const res = await author.api.post('/api/v1/statuses', form);
    expect(res.status).toBe(200);
    expect(res.body.poll.options.map((o: { title: string }) => o.title)).toEqual(['a', 'b', 'c']);
    expect(res.body.poll.multiple).toBe(true);
    expect(res.body.poll.voters_count).toBe(0);
  });

  it.each([
    ['one option', { options: ['only'], expires_in: 600 }],
    ['five options', { options: ['a', 'b', 'c', 'd', 'e'], expires_in: 600 }],
    ['an option over 50 characters', { options: ['a', 'b'.repeat(51)], expires_in: 600 }],
    ['a blank option', { options: ['a', ' '], expires_in: 600 }],
    ['under 5 minutes', { options: ['a', 'b'], expires_in: 299 }],
    ['over 7 days', { options: ['a', 'b'], expires_in: 7 * 86400 + 1 }],
    ['no expires_in', { options: ['a', 'b'] }],
  ])('refuses %s with a 422 and posts nothing', async (_name, poll) => {
    const before = (await author.api.get(`/api/v1/accounts/${author.id}/statuses?limit=1`)).body[0]?.id;
    const res = await author.api.post('/api/v1/statuses', { status: 'bad poll', poll });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/^Validation failed: poll/);
    const after = (await author.api.get(`/api/v1/accounts/${author.id}/statuses?limit=1`)).body[0]?.id;
    expect(after).toBe(before);
  });
});

describe('voting', () => {
  it('counts a vote and shows it as the voter’s own', async () => {
    const s = await pollStatus({ options: ['a', 'b', 'c'], expires_in: 600 });
    const res = await votes(voter.api, s.poll.id, ['1']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      votes_count: 1,
      voted: true,
      own_votes: [1],
      options: [
        { title: 'a', votes_count: 0 },
        { title: 'b', votes_count: 1 },
        { title: 'c', votes_count: 0 },
      ],
    });
    expect((await author.api.get(`/api/v1/polls/${s.poll.id}`)).body).toMatchObject({
      voted: false,
      votes_count: 1,
    });
  });

  it.each([
    ['a second vote', [0], 'already voted'],
    ['an out-of-range choice', [3], 'does not have'],
    ['several choices on a single-choice poll', [0, 1], 'one choice'],
    ['no choice', [], 'must not be empty'],
  ])('refuses %s with a 422', async (_name, choices, message) => {
    const s = await pollStatus({ options: ['a', 'b', 'c'], expires_in: 600 });
    if (message === 'already voted') expect((await votes(voter.api, s.poll.id, [1])).status).toBe(200);
    const res = await votes(voter.api, s.poll.id, choices);
    expect(res.status).toBe(422);
    expect(res.body.error).toContain(message);
    expect((await voter.api.get(`/api/v1/polls/${s.poll.id}`)).body.votes_count).toBe(
      message === 'already voted' ? 1 : 0,
    );
  });

  it('refuses a vote on an expired poll', async () => {
    const s = await pollStatus({ options: ['a', 'b'], expires_in: 300 });
    clock.now += 301_000;
    try {
      const res = await votes(voter.api, s.poll.id, [0]);
      expect(res.status).toBe(422);
      expect(res.body.error).toContain('ended');
      expect((await voter.api.get(`/api/v1/polls/${s.poll.id}`)).body.expired).toBe(true);
    } finally {
      clock.now = T0;
    }
  });

  it('takes several choices on a multiple-choice poll, counting votes and voters apart', async () => {
    const s = await pollStatus({ options: ['a', 'b', 'c'], expires_in: 600, multiple: true });
    expect((await votes(voter.api, s.poll.id, [0, 2])).status).toBe(200);
    const res = await votes(author.api, s.poll.id, [2]);
    expect(res.body).toMatchObject({ votes_count: 3, voters_count: 2, own_votes: [2] });
    expect(res.body.options.map((o: { votes_count: number }) => o.votes_count)).toEqual([1, 0, 2]);
  });

  it('counts one of two racing votes of one account', async () => {
    const s = await pollStatus({ options: ['a', 'b'], expires_in: 600 });
    const answers = await Promise.all([0, 1, 0, 1].map((c) => votes(voter.api, s.poll.id, [c])));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422]);
    const poll = (await voter.api.get(`/api/v1/polls/${s.poll.id}`)).body;
    expect(poll.votes_count).toBe(1);
    expect(poll.options[0].votes_count + poll.options[1].votes_count).toBe(1);
  });

  it('hides the totals of a hide_totals poll until it ends', async () => {
    const s = await pollStatus({ options: ['a', 'b'], expires_in: 300, hide_totals: true });
    const res = await votes(voter.api, s.poll.id, [0]);
    expect(res.body.options).toEqual([
      { title: 'a', votes_count: null },
      { title: 'b', votes_count: null },
    ]);
    clock.now += 301_000;
    try {
      const after = (await voter.api.get(`/api/v1/polls/${s.poll.id}`)).body;
      expect(after.options).toEqual([
        { title: 'a', votes_count: 1 },
        { title: 'b', votes_count: 0 },
      ]);
    } finally {
      clock.now = T0;
    }
  });

  it('is a 404 for whoever may not see the status, and for an unknown poll', async () => {
    const s = await pollStatus({ options: ['a', 'b'], expires_in: 600 }, { visibility: 'private' });
    expect((await voter.api.get(`/api/v1/polls/${s.poll.id}`)).status).toBe(404);
    expect((await new Api(server.url).get(`/api/v1/polls/${s.poll.id}`)).status).toBe(404);
    expect((await votes(voter.api, s.poll.id, [0])).status).toBe(404);
    expect((await voter.api.get('/api/v1/polls/999999999')).status).toBe(404);
    expect((await author.api.get(`/api/v1/polls/${s.poll.id}`)).status).toBe(200);
  });

  it('sends the status again as status.update on its hashtag stream, with the new counts and nobody’s vote', async () => {
    const tag = uniqueTag('poll');
    const res = await author.api.post('/api/v1/statuses', {
      status: `Vote #${tag}`,
      poll: { options: ['yes', 'no'], expires_in: 600 },
    });
    const reader = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=${tag}`);
    try {
      await reader.live;
      expect((await votes(voter.api, res.body.poll.id, [1])).status).toBe(200);
      const events = await reader.waitFor((e) => e.some((x) => x.event === 'status.update'));
      const updated = JSON.parse(events.find((x) => x.event === 'status.update')!.data);
      expect(updated.id).toBe(res.body.id);
      expect(updated.poll.votes_count).toBe(1);
      expect(updated.poll.options[1].votes_count).toBe(1);
      expect(updated.poll).not.toHaveProperty('voted');
    } finally {
      reader.close();
    }
  });
});
