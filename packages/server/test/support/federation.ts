import { isIP } from 'node:net';
import { type Api, registerUser } from './client';
import { startTestServer, type TestServer } from './test-server';
import { waitFor } from './wait';

/**
 * Several Hashchat instances in one test run, each with its own database, on loopback ports,
 * federating over plain HTTP (FEDERATION_ALLOW_PRIVATE_ADDRESSES). Each knows its own origin
 * (http://127.0.0.1:PORT, the PUBLIC_URL it was given), so handles are `user@127.0.0.1:PORT`.
 */
export interface Instance extends TestServer {
  /** `127.0.0.1:PORT`, the domain part of its handles. */
  host: string;
}

let guarded = false;

/**
 * Nothing in a federation test may reach past loopback: JSON-LD contexts come from Fedify's
 * preloaded set, and any other fetch (a stray WebFinger, a context not preloaded) fails loudly
 * here instead of touching the internet.
 */
export function refuseNonLoopbackFetches(): void {
  if (guarded) return;
  guarded = true;
  const original = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const loopback = host === 'localhost' || (isIP(host) !== 0 && /^(127\.|::1$)/.test(host));
    if (!loopback) return Promise.reject(new Error(`federation test: refused to fetch ${url.href}`));
    return original(input, init);
  };
}

export async function startInstances(n: number, env: Record<string, string> = {}): Promise<Instance[]> {
  refuseNonLoopbackFetches();
  const out: Instance[] = [];
  for (let i = 0; i < n; i++) {
    const s = await startTestServer({ env: { FEDERATION_ALLOW_PRIVATE_ADDRESSES: 'true', ...env } });
    out.push(Object.assign(s, { host: new URL(s.ctx.config.publicUrl).host }));
  }
  return out;
}

/** A user of `instance` who has looked up `handle` (search with resolve=true); the account's id there. */
export async function resolveAccount(api: Api, handle: string): Promise<string> {
  const res = await api.get(`/api/v2/search?q=${encodeURIComponent(handle)}&resolve=true&type=accounts`);
  const found = (res.body.accounts as { id: string; acct: string }[]).find(
    (a) => a.acct.toLowerCase() === handle.replace(/^@/, '').toLowerCase(),
  );
  if (!found) throw new Error(`could not resolve ${handle}: ${JSON.stringify(res.body)}`);
  return found.id;
}

/** Follows a remote account and waits for its server's Accept (the relationship turns `following`). */
export async function followRemote(api: Api, accountId: string): Promise<void> {
  const res = await api.post(`/api/v1/accounts/${accountId}/follow`);
  if (res.status !== 200) throw new Error(`follow failed: ${res.status} ${JSON.stringify(res.body)}`);
  await waitFor(
    async () =>
      (await api.get(`/api/v1/accounts/relationships?id[]=${accountId}`)).body[0]?.following === true,
    // Two servers' queues and signed deliveries: slower when test files run side by side.
    { what: `the Accept of the follow of ${accountId}`, timeoutMs: 15_000 },
  );
}

export { registerUser };
