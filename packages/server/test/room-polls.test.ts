// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWithSession, type User } from './live-helpers';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

/** A poll asked in a live session's room: live on the session stream, then in its transcript and recap. */
let server: TestServer;
let host: User;
let ann: User;
let sessionId: string;
let status: any;
const anon = () => new Api(server.url);

beforeAll(async () => {
  server = await startTestServer();
  const seeded = await chatWithSession(server, { live: true });
  ({ host, sessionId } = seeded);
  ann = await registerUser(server.url);
  const res = await host.api.post('/api/v1/statuses', {
    status: `Q3 poll: which topic next week? #${seeded.hashtag}`,
    poll: { options: ['Pricing', '<b>Hiring</b>', 'Tools'], expires_in: 3600 },
  });
  expect(res.status).toBe(200);
  status = res.body;
});
afterAll(async () => {
  await server?.close();
});

describe('a poll in a session’s room', () => {
  it('sends its new counts on the session stream when someone votes, with nobody’s vote in them', async () => {
    const reader = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${sessionId}`);
    try {
      await reader.live;
      expect((await ann.api.post(`/api/v1/polls/${status.poll.id}/votes`, { choices: [1] })).status).toBe(
        200,
      );
      const events = await reader.waitFor((e) =>
        e.some((x) => x.event === 'status.update' && JSON.parse(x.data).id === status.id),
      );
      const updated = JSON.parse(events.find((x) => x.event === 'status.update')!.data);
      expect(updated.poll.votes_count).toBe(1);
      expect(updated.poll.options.map((o: any) => o.votes_count)).toEqual([0, 1, 0]);
      expect(updated.poll).not.toHaveProperty('voted');
      // The room's own field comes along, so the room keeps the status in its place.
      expect(updated.chat.session_id).toBe(sessionId);
    } finally {
      reader.close();
    }
  });

  it('is in the recap with its question and result', async () => {
    const r = await anon().get(`/api/v1/sessions/${sessionId}/recap`);
    expect(r.status).toBe(200);
    expect(r.body.polls).toEqual([
      {
        status_id: status.id,
        text: expect.stringContaining('Q3 poll: which topic next week?'),
        account: expect.objectContaining({ id: host.id }),
        poll: expect.objectContaining({
          id: status.poll.id,
          votes_count: 1,
          options: [
            { title: 'Pricing', votes_count: 0 },
            { title: '<b>Hiring</b>', votes_count: 1 },
            { title: 'Tools', votes_count: 0 },
          ],
        }),
      },
    ]);
    expect(r.body.polls[0].poll).not.toHaveProperty('voted');
  });

  it('shows its result in the transcript page, its titles escaped, and in the exports', async () => {
    const page = await anon().get(`/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain('&lt;b&gt;Hiring&lt;/b&gt;</span>: <span class="poll-count">1 vote (100%)');
    expect(html).toContain('Pricing</span>: <span class="poll-count">0 votes (0%)');
    expect(html).not.toContain('<b>Hiring</b>');
    const md = String((await anon().get(`/api/v1/sessions/${sessionId}/transcript.md`)).body);
    expect(md).toContain('    - \\<b\\>Hiring\\</b\\>: 1 vote (100%)');
    const json = (await anon().get(`/api/v1/sessions/${sessionId}/transcript.json`)).body;
    const asked = json.statuses.find((s: any) => s.id === status.id);
    expect(asked.poll.options[1].votes_count).toBe(1);
  });
});
