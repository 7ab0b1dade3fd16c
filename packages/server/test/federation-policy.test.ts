// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.

import { signRequest } from '@fedify/fedify';
import { afterAll, describe, expect, it } from 'vitest';
import { actorKeyPairs } from '../src/federation/keys';
import { createStatus } from '../src/services/statuses';
import { findAccountByUsername } from '../src/store/accounts';
import { listDeliveryStats } from '../src/store/federation-deliveries';
import { findStatusByUri } from '../src/store/remote-accounts';
import { createNote } from './fixtures/mastodon-activities';
import { chatWithSession, post } from './live-helpers';
import type { Api } from './support/client';
import {
  followRemote,
  type Instance,
  refuseNonLoopbackFetches,
  registerUser,
  resolveAccount,
  startInstances,
} from './support/federation';
import { MastodonPeer } from './support/mastodon-peer';
import { SseClient } from './support/sse';
import { createTestDatabase, freePort, startTestServer, type TestDatabase } from './support/test-server';
import { waitFor } from './support/wait';

/**
 * Domain policy and delivery across restarts, with real Hashchat servers on loopback, each on its
 * own database: blocks, silences and the allow-list, a server down then back, and a queue that
 * outlives its process.
 */
const running: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
});

async function instances(n: number, env: Record<string, string> = {}): Promise<Instance[]> {
  const out = await startInstances(n, env);
  running.push(...out);
  return out;
}

/** An admin of `server` with the admin scopes. */
async function adminOf(server: Instance): Promise<Api> {
  const admin = await registerUser(server.url, undefined, 'read write follow push admin:read admin:write');
  await server.ctx.store.db
    .updateTable('accounts')
    .set({ role: 'admin' })
    .where('id', '=', Number(admin.id))
    .execute();
  return admin.api;
}

const counter = async (c: { get(): Promise<{ values: { value: number; labels: object }[] }> }, labels = {}) =>
  (await c.get()).values
    .filter((v) => Object.entries(labels).every(([k, x]) => (v.labels as any)[k] === x))
    .reduce((sum, v) => sum + v.value, 0);

const storedOn = (s: Instance) => counter(s.ctx.metrics.remoteStatuses, { outcome: 'stored' });
const queuedOn = (s: Instance) => counter(s.ctx.metrics.activitiesQueued);

/** Messages in `s`'s federation queue (delivered and handled ones are deleted). */
async function queueSize(s: Instance): Promise<number> {
  const row = await s.ctx.store.db
    .selectFrom('federation_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deliveries `from` made to `to` that `to` answered with success. */
async function deliveredTo(from: Instance, to: Instance): Promise<number> {
  const stats = await listDeliveryStats(from.ctx.store.db, 500);
  const row = stats.find((r) => r.host === to.host);
  return row ? Number(row.attempts) - Number(row.failures) : 0;
}

/**
 * Waits until `to` has taken every activity `from` sent it so far (its inbox answered, the
 * delivery recorded on `from`) and handled them (its queue empty): after that, what `to` did
 * not store it refused.
 */
async function handledBy(from: Instance, to: Instance, before: number): Promise<void> {
  await from.ctx.federation?.settled();
  await waitFor(async () => (await deliveredTo(from, to)) > before, {
    what: `a delivery from ${from.host} to ${to.host}`,
  });
  await waitFor(async () => (await queueSize(from)) === 0 && (await queueSize(to)) === 0, {
    what: 'both queues empty',
  });
}

const texts = async (api: Api, path: string) =>
  ((await api.get(path)).body as any[]).map((s) => (s.reblog ?? s).uri as string);

describe('domain blocks', () => {
  it('a suspended server is refused both ways: its follows and statuses are dropped, nothing is delivered to it', async () => {
    const [a, b] = await instances(2);
    const admin = await adminOf(a);
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    // Following each other before the block.
    await followRemote(bob.api, await resolveAccount(bob.api, `@${alice.username}@${a.host}`));
    const bobOnA = await resolveAccount(alice.api, `@${bob.username}@${b.host}`);
    await followRemote(alice.api, bobOnA);

    // The admin suspends B's server, host and port as its handles have them.
    const block = await admin.post('/api/v1/admin/domain_blocks', { domain: b.host, severity: 'suspend' });
    expect(block.status).toBe(200);
    expect(block.body).toMatchObject({ domain: b.host, severity: 'suspend' });

    // A new follow from B: refused (the suspension ended bob's follow, so alice has none).
    const carol = await registerUser(b.url);
    const aliceOnB = await resolveAccount(carol.api, `@${alice.username}@${a.host}`);
    let sent = await deliveredTo(b, a);
    expect((await carol.api.post(`/api/v1/accounts/${aliceOnB}/follow`)).status).toBe(200);
    await handledBy(b, a, sent);
    expect((await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count).toBe(0);

    // A status from B mentioning alice (wanted here but for the block): refused, not stored.
    const stored = await storedOn(a);
    sent = await deliveredTo(b, a);
    const status = await post(bob.api, `From a suspended server #suspendedtag @${alice.username}@${a.host}`);
    await handledBy(b, a, sent);
    expect(await storedOn(a)).toBe(stored);
    expect(await findStatusByUri(a.ctx.store.db, status.uri)).toBeUndefined();
    expect(await texts(alice.api, '/api/v1/timelines/home')).not.toContain(status.uri);

    // alice's status goes nowhere: B was her only follower elsewhere.
    const queued = await queuedOn(a);
    const mine = await post(alice.api, 'Not for B');
    await a.ctx.federation?.settled();
    expect(await queuedOn(a)).toBe(queued);
    expect(await queueSize(a)).toBe(0);
    expect(await findStatusByUri(b.ctx.store.db, mine.uri)).toBeUndefined();
  });

  it('a silenced server: its statuses are stored for followers but kept out of public and tag timelines', async () => {
    const [a, c] = await instances(2);
    const admin = await adminOf(a);
    const alice = await registerUser(a.url);
    const dave = await registerUser(c.url);
    await followRemote(alice.api, await resolveAccount(alice.api, `@${dave.username}@${c.host}`));
    const block = await admin.post('/api/v1/admin/domain_blocks', { domain: c.host, severity: 'silence' });
    expect(block.body).toMatchObject({ domain: c.host, severity: 'silence' });

    const stored = await storedOn(a);
    const status = await post(dave.api, 'From a silenced server #silencedtag');
    await waitFor(async () => (await storedOn(a)) > stored, { what: "dave's status stored on A" });
    expect(await texts(alice.api, '/api/v1/timelines/home')).toContain(status.uri);
    expect(await texts(alice.api, '/api/v1/timelines/public?limit=40')).not.toContain(status.uri);
    expect(await texts(alice.api, '/api/v1/timelines/tag/silencedtag')).not.toContain(status.uri);
  });
});

describe('a suspension applies at once', () => {
  it("takes a suspended server's statuses out of the room, the transcript, the tag timeline and open streams before the admin's request returns", async () => {
    const [a] = await instances(1);
    const admin = await adminOf(a);
    const peer = await new MastodonPeer().start();
    running.push(peer);
    const { host, hashtag, sessionId } = await chatWithSession(a, { live: true });
    const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
    const mention = { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` };
    const stream = new SseClient(`${a.url}/api/v1/streaming/hashtag?tag=${hashtag}`);
    await stream.live;
    const note = (n: string, text: string) =>
      createNote(peer, { n, inReplyTo: null, mention, hashtag, text });
    const first = note(`${Date.now()}`, 'Come to my shop');
    expect((await peer.send(`${a.url}/inbox`, first)).status).toBe(202);
    const room = async () =>
      ((await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body as any[]).map((s) => s.uri as string);
    await waitFor(async () => (await room()).includes(first.object.id), {
      what: "the peer's status in the room",
    });
    const stored = await findStatusByUri(a.ctx.store.db, first.object.id);
    const local = await post(host.api, `Welcome #${hashtag}`);

    const blocked = await admin.post('/api/v1/admin/domain_blocks', {
      domain: new URL(peer.origin).host,
      severity: 'suspend',
    });
    expect(blocked.status).toBe(200);
    // Gone by the time the request has returned, and only the peer's status.
    expect(await room()).toEqual([local.uri]);
    const transcript = await host.api.get(`/api/v1/sessions/${sessionId}/transcript`);
    expect((transcript.body.statuses as any[]).map((s) => s.uri)).toEqual([local.uri]);
    expect(await texts(host.api, `/api/v1/timelines/tag/${hashtag}`)).toEqual([local.uri]);
    expect(await findStatusByUri(a.ctx.store.db, first.object.id)).toBeUndefined();
    await stream.waitFor((events) =>
      events.some((e) => e.event === 'delete' && e.data === String(stored?.id)),
    );
    stream.close();
  });
});

describe('a suspension ends the follows', () => {
  it("suspending a server ends the follows with it both ways (a chat's too) and sends it nothing", async () => {
    const [a, b] = await instances(2);
    const admin = await adminOf(a);
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const { chatId } = await chatWithSession(a);
    const handle = (await admin.get(`/api/v1/chats/${chatId}`)).body.fediverse_handle as string;
    await followRemote(bob.api, await resolveAccount(bob.api, `@${alice.username}@${a.host}`));
    await followRemote(bob.api, await resolveAccount(bob.api, `@${handle}`));
    const bobOnA = await resolveAccount(alice.api, `@${bob.username}@${b.host}`);
    await followRemote(alice.api, bobOnA);
    const chatFollowers = () =>
      a.ctx.store.db
        .selectFrom('chat_remote_followers')
        .selectAll()
        .where('chat_id', '=', Number(chatId))
        .execute();
    expect(await chatFollowers()).toHaveLength(1);
    await a.ctx.federation?.settled();
    await waitFor(async () => (await queueSize(a)) === 0, { what: "A's queue empty" });
    const queued = await queuedOn(a);
    const sent = await deliveredTo(a, b);

    const block = await admin.post('/api/v1/admin/domain_blocks', { domain: b.host, severity: 'suspend' });
    expect(block.status).toBe(200);

    const me = (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body;
    expect(me).toMatchObject({ followers_count: 0, following_count: 0 });
    const [rel] = (await alice.api.get(`/api/v1/accounts/relationships?id[]=${bobOnA}`)).body;
    expect(rel).toMatchObject({ following: false, followed_by: false, requested: false });
    expect(await chatFollowers()).toHaveLength(0);
    // Nothing was sent to B: no Undo, no Reject.
    await a.ctx.federation?.settled();
    expect(await queuedOn(a)).toBe(queued);
    expect(await queueSize(a)).toBe(0);
    expect(await deliveredTo(a, b)).toBe(sent);
  });
});

describe('a note entering by a boost', () => {
  /**
   * dave on C posts; bob on B, followed by alice on A, boosts it: the Announce (as Mastodon sends
   * it) reaches A's shared inbox signed with bob's key, and A fetches the note from C.
   */
  async function boostSetUp(severity: 'silence' | 'suspend') {
    const [a, b, c] = await instances(3);
    const admin = await adminOf(a);
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const dave = await registerUser(c.url);
    await followRemote(alice.api, await resolveAccount(alice.api, `@${bob.username}@${b.host}`));
    const block = await admin.post('/api/v1/admin/domain_blocks', { domain: c.host, severity });
    expect(block.body).toMatchObject({ domain: c.host, severity });
    const status = await post(dave.api, `Boosted from C #boosted${severity}`);

    const bobUri = `${b.url}/users/${bob.username.toLowerCase()}`;
    const activity = JSON.stringify({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${bobUri}/statuses/${Date.now()}/activity`,
      type: 'Announce',
      actor: bobUri,
      published: new Date().toISOString(),
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      cc: [`${bobUri}/followers`, `${c.url}/users/${dave.username.toLowerCase()}`],
      object: status.uri,
    });
    const row = await findAccountByUsername(b.ctx.store.db, bob.username);
    const [rsa] = await actorKeyPairs(b.ctx, 'account', Number(row!.id));
    const signed = await signRequest(
      new Request(`${a.url}/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/activity+json' },
        body: activity,
      }),
      rsa.privateKey,
      new URL(`${bobUri}#main-key`),
      { spec: 'draft-cavage-http-signatures-12' },
    );
    const res = await fetch(
      new Request(signed.url, { method: 'POST', headers: signed.headers, body: activity }),
    );
    expect(res.status).toBe(202);
    await waitFor(async () => (await queueSize(a)) === 0, { what: "A's queue empty (the Announce handled)" });
    return { a, alice, status };
  }

  it("a silenced server's note boosted by a followed account is stored, in home, and kept out of public timelines", async () => {
    const { a, alice, status } = await boostSetUp('silence');
    await waitFor(() => findStatusByUri(a.ctx.store.db, status.uri), { what: "dave's note stored on A" });
    expect(await texts(alice.api, '/api/v1/timelines/home')).toContain(status.uri);
    expect(await texts(alice.api, '/api/v1/timelines/public?limit=40')).not.toContain(status.uri);
    expect(await texts(alice.api, '/api/v1/timelines/tag/boostedsilence')).not.toContain(status.uri);
  });

  it("a suspended server's note boosted by a followed account is not stored", async () => {
    const { a, alice, status } = await boostSetUp('suspend');
    expect(await findStatusByUri(a.ctx.store.db, status.uri)).toBeUndefined();
    expect(await texts(alice.api, '/api/v1/timelines/home')).not.toContain(status.uri);
  });
});

describe('allow-list mode', () => {
  it('with FEDERATION_MODE=allowlist a server not on the list is refused, one added to it accepted', async () => {
    const [a] = await instances(1, { FEDERATION_MODE: 'allowlist' });
    const [b, c] = await instances(2);
    const admin = await adminOf(a);
    const alice = await registerUser(a.url);

    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    const sent = await deliveredTo(b, a);
    expect((await bob.api.post(`/api/v1/accounts/${aliceOnB}/follow`)).status).toBe(200);
    await handledBy(b, a, sent);
    expect((await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count).toBe(0);

    const allowed = await admin.post('/api/v1/admin/domain_allows', { domain: c.host });
    expect(allowed.body).toMatchObject({ domain: c.host });
    const dave = await registerUser(c.url);
    await followRemote(dave.api, await resolveAccount(dave.api, `@${alice.username}@${a.host}`));
    expect((await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count).toBe(1);
  });
});

/** A server that can be stopped and started again on the same port and database. */
async function restartable(env: Record<string, string> = {}) {
  refuseNonLoopbackFetches();
  const db: TestDatabase = await createTestDatabase();
  const fullEnv = { FEDERATION_ALLOW_PRIVATE_ADDRESSES: 'true', PORT: String(await freePort()), ...env };
  const start = async (): Promise<Instance> => {
    const s = await startTestServer({ database: db, env: fullEnv });
    return Object.assign(s, { host: new URL(s.ctx.config.publicUrl).host });
  };
  const handle = { server: await start(), start, db };
  running.push({
    close: async () => {
      await handle.server.close().catch(() => {});
      await db.drop();
    },
  });
  return handle;
}

describe('a server down, then back', () => {
  // Retries 1–2, 2–4, 4–8 s apart (jittered): B is back long before a fifth failure, which would open Fedify's
  // circuit for B (five failures in ten minutes) and hold the delivery for half an hour. Two
  // servers on PostgreSQL beside a busy CI worker take well over the default 30 s to set up.
  it('a delivery to a server that is down fails, is recorded, and arrives once it is back', {
    timeout: 90_000,
  }, async () => {
    const [a] = await instances(1, { FEDERATION_RETRY_INITIAL_MS: '1000' });
    const admin = await adminOf(a);
    const b = await restartable();
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.server.url);
    await followRemote(bob.api, await resolveAccount(bob.api, `@${alice.username}@${a.host}`));

    await b.server.close();
    const status = await post(alice.api, 'While B is down');
    const failed = await waitFor(
      async () => {
        const res = await admin.get('/api/v1/admin/federation/status');
        return (res.body.servers as any[]).find((s) => s.host === b.server.host && s.failures > 0);
      },
      { what: 'the failure recorded on A' },
    );
    expect(failed.last_error).toBeTruthy();

    b.server = await b.start();
    const seen = await waitFor(async () => findStatusByUri(b.server.ctx.store.db, status.uri), {
      what: "alice's status on B after its restart",
      timeoutMs: 40_000,
    });
    expect(seen).toBeTruthy();
    expect(await texts(bob.api, '/api/v1/timelines/home')).toContain(status.uri);
    const health = (await admin.get('/api/v1/admin/federation/status')).body.servers.find(
      (s: any) => s.host === b.server.host,
    );
    expect(health).toMatchObject({ consecutive_failures: 0 });
    expect(health.last_success_at).toBeTruthy();
  });
});

describe('a queue that outlives its process', () => {
  it('a delivery enqueued after A stopped its queue goes out once A restarts on the same database', async () => {
    const a = await restartable();
    const [b] = await instances(1);
    const alice = await registerUser(a.server.url);
    const bob = await registerUser(b.url);
    await followRemote(bob.api, await resolveAccount(bob.api, `@${alice.username}@${a.server.host}`));

    // A shuts down: its app closes first (the queue's listeners stop with it), and a status
    // committed in that moment, before the context closes, has its delivery only enqueued.
    const old = a.server;
    await old.app.close();
    const created = await createStatus(
      old.ctx,
      Number(alice.id),
      {
        status: 'Queued while stopping',
        inReplyToId: null,
        visibility: 'public',
        language: null,
        spoilerText: '',
        sensitive: false,
      },
      null,
    );
    const uri = JSON.parse(created.json).uri as string;
    await old.ctx.federation?.settled();
    expect(await queueSize(old)).toBeGreaterThan(0);
    await old.ctx.close();
    expect(await findStatusByUri(b.ctx.store.db, uri)).toBeUndefined();

    a.server = await a.start();
    await waitFor(async () => findStatusByUri(b.ctx.store.db, uri), {
      what: 'the queued delivery to reach B after the restart',
      timeoutMs: 10_000,
    });
    expect(await texts(bob.api, '/api/v1/timelines/home')).toContain(uri);
    await waitFor(async () => (await queueSize(a.server)) === 0, { what: "A's queue emptied" });
  });
});
