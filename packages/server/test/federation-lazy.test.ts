// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LazyFederation } from '../src/federation/lazy';
import { post } from './live-helpers';
import { type Instance, registerUser, resolveAccount, startInstances } from './support/federation';
import { createTestDatabase, startTestServer } from './support/test-server';

/** Fedify is imported with the federation's first work, not at start (federation/lazy.ts). */
let a: Instance;
let b: Instance;
beforeAll(async () => {
  [a, b] = await startInstances(2);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const lazyOf = (s: { ctx: { federation: unknown } }) => {
  expect(s.ctx.federation).toBeInstanceOf(LazyFederation);
  return s.ctx.federation as LazyFederation;
};

describe('the federation loaded when it has work', () => {
  it('a server that never met another posts and favourites without loading it, then loads it for WebFinger', async () => {
    const alice = await registerUser(a.url);
    const status = await post(alice.api, 'Nobody elsewhere yet #lazy');
    expect((await alice.api.post(`/api/v1/statuses/${status.id}/favourite`)).status).toBe(200);
    await a.ctx.federation?.settled();
    expect(lazyOf(a).loaded).toBe(false);
    expect(lazyOf(b).loaded).toBe(false);

    // b looks alice up: b reaches out (loads), a answers WebFinger and the actor (loads).
    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    expect(aliceOnB).toMatch(/^\d+$/);
    expect(lazyOf(a).loaded).toBe(true);
    expect(lazyOf(b).loaded).toBe(true);
  });

  it('a server whose database names a remote account loads it at start', async () => {
    const db = await createTestDatabase();
    const env = { FEDERATION_ALLOW_PRIVATE_ADDRESSES: 'true' };
    try {
      const first = await startTestServer({ database: db, env });
      const carol = await registerUser(first.url);
      const alice = await registerUser(a.url);
      await resolveAccount(carol.api, `@${alice.username}@${a.host}`);
      await first.close();
      const again = await startTestServer({ database: db, env });
      try {
        expect(lazyOf(again).loaded).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await db.drop();
    }
  });

  it('with FEDERATION_ENABLED=false there is no federation to load', async () => {
    const off = await startTestServer({ env: { FEDERATION_ENABLED: 'false' } });
    try {
      expect(off.ctx.federation).toBeNull();
      expect((await fetch(`${off.url}/.well-known/webfinger?resource=acct:x@localhost`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
