import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWithSession } from './live-helpers';
import { Api } from './support/client';
import { SseClient } from './support/sse';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './support/test-server';
import { waitFor } from './support/wait';

// Two instances of one server set: one database, one Redis (its own prefix, so parallel test
// files do not count each other's readers). Readers of a room land on either.
const REDIS_URL = process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379';
let database: TestDatabase;
let A: TestServer;
let B: TestServer;
const readers: SseClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const env = {
    ...database.env,
    REDIS_URL,
    REDIS_PREFIX: `hashchat-presence-${process.pid}-${Date.now()}:`,
  };
  A = await startTestServer({ database, env });
  B = await startTestServer({ database, env });
});

afterAll(async () => {
  for (const r of readers) r.close();
  await A?.close();
  await B?.close();
  await database?.drop();
});

async function reader(server: TestServer, sessionId: string): Promise<SseClient> {
  const r = new SseClient(`${server.url}/api/v1/streaming/chat?session_id=${sessionId}`);
  readers.push(r);
  await r.live;
  return r;
}

const peopleIn = async (api: Api, sessionId: string): Promise<number> =>
  (await api.get(`/api/v1/sessions/${sessionId}/live`)).body.counters.people_in_room;

describe('people in the room', () => {
  it('counts the readers of a room on every instance, and stops counting those who leave', async () => {
    const { host, sessionId } = await chatWithSession(A, { live: true });
    expect(await peopleIn(host.api, sessionId)).toBe(0);
    const onA = [await reader(A, sessionId), await reader(A, sessionId)];
    const onB = await reader(B, sessionId);

    // Asked of either instance, the room holds all three.
    const onBApi = new Api(B.url, host.api.token);
    await waitFor(async () => (await peopleIn(host.api, sessionId)) === 3, { what: '3 people, asked of A' });
    await waitFor(async () => (await peopleIn(onBApi, sessionId)) === 3, { what: '3 people, asked of B' });
    // And the readers on A are told so by the room's live numbers.
    const counters = (r: SseClient) =>
      r.events.filter((e) => e.event === 'chat.counters').map((e) => JSON.parse(e.data).people_in_room);
    await onA[0].waitFor(() => counters(onA[0]).includes(3), 15_000);

    onB.close();
    await waitFor(async () => (await peopleIn(host.api, sessionId)) === 2, {
      timeoutMs: 15_000,
      what: 'the reader on B to leave the count',
    });
  });
});
