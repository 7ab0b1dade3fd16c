import { KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCryptoKeyPair, signRequest } from '@fedify/fedify';
import { afterEach, describe, expect, it } from 'vitest';

type Farm = {
  inboxUrl(i: number): string;
  trustKey(keyId: string, pem: string): void;
  arrivals: { server: number; activityId: string | null }[];
  stats(since: number | null): {
    accepted: number;
    refused: { total: number };
    activities: { id: string; servers: number }[];
  };
  close(): Promise<void>;
};
// The bench tools are plain .mjs (run without a build); load them untyped and type them here.
const farmModule: string = './fed-inbox-farm.mjs';
const { startInboxFarm } = (await import(farmModule)) as {
  startInboxFarm(o: { servers: number; fetchKeys?: boolean }): Promise<Farm>;
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function farmOf(servers: number, fetchKeys = false) {
  const farm = await startInboxFarm({ servers, fetchKeys });
  cleanup.push(() => farm.close());
  return farm;
}

async function signer() {
  const { privateKey, publicKey } = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
  const pem = KeyObject.from(publicKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, pem };
}

const note = (n: number) =>
  JSON.stringify({ id: `https://hashchat.example/activities/${n}`, type: 'Create' });

async function post(
  url: string,
  body: string,
  sign?: { privateKey: CryptoKey; keyId: string; spec?: string },
) {
  let req = new Request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/activity+json' },
  });
  if (sign)
    req = await signRequest(req, sign.privateKey, new URL(sign.keyId), {
      spec: (sign.spec ?? 'draft-cavage-http-signatures-12') as 'draft-cavage-http-signatures-12',
    });
  return fetch(req);
}

describe('the fake inbox farm', () => {
  it('accepts draft-cavage signed deliveries on each virtual server and records them', async () => {
    const farm = await farmOf(3);
    const { privateKey, pem } = await signer();
    const keyId = 'https://hashchat.example/users/host#main-key';
    farm.trustKey(keyId, pem);
    expect(farm.inboxUrl(2)).toMatch(/^http:\/\/127\.0\.0\.3:\d+\/inbox$/);
    for (const i of [0, 2])
      expect((await post(farm.inboxUrl(i), note(1), { privateKey, keyId })).status).toBe(202);
    expect(farm.arrivals.map((a) => a.server)).toEqual([0, 2]);
    expect(farm.stats(null).activities).toEqual([
      expect.objectContaining({ id: 'https://hashchat.example/activities/1', servers: 2 }),
    ]);
  });

  it('refuses an unsigned, a tampered, a wrongly keyed and an RFC 9421-only delivery', async () => {
    const farm = await farmOf(1);
    const { privateKey, pem } = await signer();
    const other = await signer();
    const keyId = 'https://hashchat.example/users/host#main-key';
    farm.trustKey(keyId, pem);
    expect((await post(farm.inboxUrl(0), note(2))).status).toBe(401);
    const signed = await signRequest(
      new Request(farm.inboxUrl(0), { method: 'POST', body: note(3) }),
      privateKey,
      new URL(keyId),
      { spec: 'draft-cavage-http-signatures-12' },
    );
    const tampered = await fetch(farm.inboxUrl(0), {
      method: 'POST',
      headers: signed.headers,
      body: note(4),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toEqual({ error: 'Digest does not match the body' });
    expect((await post(farm.inboxUrl(0), note(5), { privateKey: other.privateKey, keyId })).status).toBe(401);
    expect((await post(farm.inboxUrl(0), note(6), { privateKey, keyId, spec: 'rfc9421' })).status).toBe(401);
    expect(farm.arrivals).toEqual([]);
    expect(farm.stats(null).refused.total).toBe(4);
  });

  it('fetches the key from its keyId (the actor document)', async () => {
    const { privateKey, pem } = await signer();
    const actors = http.createServer((_req, res) => {
      const base = `http://127.0.0.1:${(actors.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/activity+json' });
      res.end(
        JSON.stringify({
          id: `${base}/users/host`,
          publicKey: { id: `${base}/users/host#main-key`, publicKeyPem: pem },
        }),
      );
    });
    await new Promise<void>((resolve) => actors.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => actors.close(() => resolve())));
    const keyId = `http://127.0.0.1:${(actors.address() as AddressInfo).port}/users/host#main-key`;
    const farm = await farmOf(1, true);
    expect((await post(farm.inboxUrl(0), note(7), { privateKey, keyId })).status).toBe(202);
  });
});
