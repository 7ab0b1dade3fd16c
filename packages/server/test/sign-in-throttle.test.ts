import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, OOB, PASSWORD } from './support/oauth';
import { startTestServer, type TestServer } from './support/test-server';
import { webSignUp } from './support/web-session';

/**
 * Password guessing is slowed on every sign-in path, per account and address; the address is
 * the connection's own unless it comes from a configured proxy (TRUSTED_PROXIES), so a client
 * cannot rotate X-Forwarded-For to escape per-address limits.
 */
let proxied: TestServer;
const GUESSER = '198.51.100.1';
const OWNER = '198.51.100.2';

beforeAll(async () => {
  proxied = await startTestServer({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(async () => {
  await proxied?.close();
});

type Attempt = (base: string, login: string, password: string, from: string) => Promise<Response>;

/** The sign-in paths, each as one attempt from a client address (sent as a proxy would). */
const PATHS: [string, Attempt][] = [
  [
    'POST /oauth/authorize',
    async (base, login, password, from) => {
      const app = await createApp(base, 'read');
      const form = new URLSearchParams({
        response_type: 'code',
        client_id: app.client_id,
        redirect_uri: OOB,
        scope: 'read',
        decision: 'approve',
        login,
        password,
      });
      return fetch(`${base}/oauth/authorize`, {
        method: 'POST',
        headers: { 'x-forwarded-for': from },
        body: form,
      });
    },
  ],
  [
    'POST /api/v1/auth/sign_in',
    (base, login, password, from) =>
      fetch(`${base}/api/v1/auth/sign_in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ login, password }),
      }),
  ],
];

/** Wrong guesses in a row from `from`; returns the statuses. */
async function guesses(
  base: string,
  attempt: Attempt,
  login: string,
  n: number,
  from: string | (() => string),
) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await attempt(base, login, `wrong guess ${i}`, typeof from === 'string' ? from : from());
    statuses.push(res.status);
    await res.body?.cancel();
  }
  return statuses;
}

describe.each(PATHS)('%s', (_name, attempt) => {
  it('the 20th wrong password in a minute is throttled with 429 and Retry-After, and so is the right one', async () => {
    const { name } = await webSignUp(proxied.url);
    const statuses = await guesses(proxied.url, attempt, name, 19, GUESSER);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const twentieth = await attempt(proxied.url, name, 'wrong guess 20', GUESSER);
    expect(twentieth.status).toBe(429);
    expect(Number(twentieth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Throttled means no answer either way: the right password is refused the same.
    expect((await attempt(proxied.url, name, PASSWORD, GUESSER)).status).toBe(429);
  });

  it('the right password from another address still works, slowed', async () => {
    const { name } = await webSignUp(proxied.url);
    await guesses(proxied.url, attempt, name, 20, GUESSER);
    const started = performance.now();
    const res = await attempt(proxied.url, name, PASSWORD, OWNER);
    expect(res.status).toBeLessThan(400);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('signing in again and again with the right password is never throttled', async () => {
    const { name } = await webSignUp(proxied.url);
    for (let i = 0; i < 15; i++) {
      const res = await attempt(proxied.url, name, PASSWORD, GUESSER);
      expect(res.status).toBeLessThan(400);
      await res.body?.cancel();
    }
  });

  it('another spelling of the login is the same account', async () => {
    const { name } = await webSignUp(proxied.url);
    await guesses(proxied.url, attempt, name, 10, GUESSER);
    expect((await attempt(proxied.url, name.toUpperCase(), 'wrong', GUESSER)).status).toBe(429);
    expect((await attempt(proxied.url, `${name}@example.org`, 'wrong', GUESSER)).status).toBe(429);
  });
});

describe('client address', () => {
  it('without TRUSTED_PROXIES, rotating X-Forwarded-For does not escape the API limit', async () => {
    const direct = await startTestServer({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAX: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) {
        const res = await fetch(`${direct.url}/api/v1/timelines/public`, {
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await direct.close();
    }
  });

  it.each(PATHS)(
    'without TRUSTED_PROXIES, rotating X-Forwarded-For does not escape %s throttling',
    async (_name, attempt) => {
      const direct = await startTestServer();
      try {
        const { name } = await webSignUp(direct.url);
        let n = 0;
        const statuses = await guesses(direct.url, attempt, name, 11, () => `203.0.113.${++n}`);
        expect(statuses.at(-1)).toBe(429);
      } finally {
        await direct.close();
      }
    },
  );

  it('with TRUSTED_PROXIES=127.0.0.1, the forwarded address is the client', async () => {
    const behind = await startTestServer({
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAX: '3', TRUSTED_PROXIES: '127.0.0.1' },
    });
    try {
      const get = async (from: string) =>
        (await fetch(`${behind.url}/api/v1/timelines/public`, { headers: { 'x-forwarded-for': from } }))
          .status;
      const first = [];
      for (let i = 0; i < 4; i++) first.push(await get('203.0.113.7'));
      expect(first).toEqual([200, 200, 200, 429]);
      expect(await get('203.0.113.8')).toBe(200);
    } finally {
      await behind.close();
    }
  });
});
