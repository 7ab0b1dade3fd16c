import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/client';
import { authorizeUser, createApp, revokeAs, userWithScopes } from '../support/oauth';
import { SseClient } from '../support/sse';
import { within } from '../support/ws';
import { buildServer, type Instance, startInstance } from './support/instances';
import { createPgDatabase, type PgDatabase } from './support/pg';

// Two server processes on one PostgreSQL database and one Redis: a token revoked through A
// stops working on B at once (not after B's token cache expires), and B closes its streams.
const REDIS_URL = process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const REDIRECT = 'https://client.example/callback';
let db: PgDatabase;
let A: Instance;
let B: Instance;
const open: SseClient[] = [];

beforeAll(async () => {
  await buildServer();
  db = await createPgDatabase('hashchat_revoke');
  const env = { DATABASE_URL: db.url, REDIS_URL, DATABASE_POOL_SIZE: '5' };
  [A, B] = await Promise.all(['A', 'B'].map((n) => startInstance(n, env)));
}, 120_000);

afterAll(async () => {
  for (const c of open) c.close();
  await Promise.all([A, B].filter(Boolean).map((i) => i.stop()));
  await db?.drop();
});

describe('revocation across instances', () => {
  it('revoking a token on A closes the stream it holds open on B, and B refuses the token at once', async () => {
    const me = await userWithScopes(A.url, 'read write');
    const app = await createApp(A.url, 'read write', REDIRECT);
    const token = await authorizeUser(A.url, app, me.username, 'read write');
    const onB = new Api(B.url, token);
    // B has looked the token up, so it sits in B's token cache.
    expect((await onB.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
    const stream = new SseClient(`${B.url}/api/v1/streaming/user`, { authorization: `Bearer ${token}` });
    open.push(stream);
    await stream.opened;
    expect(stream.status).toBe(200);
    // The stream is live on B: a status posted on A reaches it (its headers may come before
    // B has subscribed, and a stream starts from now: post until one arrives).
    const live = () => stream.events.some((x) => x.event === 'update');
    for (let i = 0; i < 20 && !live(); i++) {
      await me.api.post('/api/v1/statuses', { status: `posted through A (${i})` });
      await stream.waitFor(live, 250).catch(() => {});
    }
    expect(live()).toBe(true);

    expect(await revokeAs(A.url, app, token)).toBe(200);
    await within(1000, stream.ended);
    // Within B's 5-second cache time, yet refused: the revocation reached B's cache too.
    expect((await onB.get('/api/v1/accounts/verify_credentials')).status).toBe(401);
  });

  it('no instance logged an error', () => {
    for (const i of [A, B]) expect(i.output()).not.toMatch(/"level":(50|60)/);
  });
});
