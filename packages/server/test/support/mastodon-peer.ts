import { createHash, createPublicKey, createVerify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { actorId, type Peer, person } from '../fixtures/mastodon-activities';

/** Fedify's type for a time (it is handed the polyfill's at run time). */
type Instant = NonNullable<NonNullable<Parameters<typeof signRequest>[3]>['currentTime']>;

/** A delivery the peer received: what Mastodon would check before accepting it. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/**
 * A stand-in for a Mastodon server on loopback: it serves one Person (with its RSA key, as
 * Mastodon's actor document has it), records what is delivered to its inboxes, and signs
 * what it sends with draft-cavage HTTP Signatures only, as Mastodon does.
 */
export class MastodonPeer implements Peer {
  readonly user = 'peer';
  origin = '';
  readonly received: Received[] = [];
  #server: http.Server | null = null;
  #keys: CryptoKeyPair | null = null;
  #pem = '';
  #name = 'Peer Person';
  #waiters: (() => void)[] = [];

  async start(): Promise<this> {
    this.#keys = (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', this.#keys.publicKey)).toString('base64');
    this.#pem = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        if (req.method === 'GET' && path.split('#')[0] === `/users/${this.user}`) {
          res.writeHead(200, { 'content-type': 'application/activity+json; charset=utf-8' });
          res.end(JSON.stringify(person(this, this.#pem, this.#name)));
          return;
        }
        if (req.method === 'POST' && (path === '/inbox' || path === `/users/${this.user}/inbox`)) {
          this.received.push({ path, headers: req.headers, body, json: JSON.parse(body) });
          for (const w of this.#waiters.splice(0)) w();
          res.writeHead(202).end();
          return;
        }
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  get publicKeyPem(): string {
    return this.#pem;
  }

  /** Serves a new display name from now on (what an Update(Person) announces). */
  rename(name: string): void {
    this.#name = name;
  }

  /** Posts an activity to `inbox`, signed as Mastodon signs (draft-cavage, rsa-sha256, with Digest). */
  async send(inbox: string, activity: unknown): Promise<Response> {
    return fetch(await this.signed(inbox, activity));
  }

  /**
   * The signed POST `send` makes, not sent: a test may alter it (another body, another path)
   * or sign it at another time (`at`, for a stale Date).
   */
  async signed(inbox: string, activity: unknown, at?: Date): Promise<Request> {
    return signRequest(
      new Request(inbox, {
        method: 'POST',
        headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
        body: JSON.stringify(activity),
      }),
      this.#keys!.privateKey,
      new URL(`${actorId(this)}#main-key`),
      {
        spec: 'draft-cavage-http-signatures-12',
        ...(at
          ? { currentTime: Temporal.Instant.fromEpochMilliseconds(at.getTime()) as unknown as Instant }
          : {}),
      },
    );
  }

  /**
   * Posts an activity to `inbox` as `send` does, but signed with a key that is not the peer's
   * while naming the peer's keyId: a forgery, which the receiving server must refuse.
   */
  async forge(inbox: string, activity: unknown): Promise<Response> {
    const other = (await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const signed = await signRequest(
      new Request(inbox, {
        method: 'POST',
        headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
        body: JSON.stringify(activity),
      }),
      other.privateKey,
      new URL(`${actorId(this)}#main-key`),
      { spec: 'draft-cavage-http-signatures-12' },
    );
    return fetch(signed);
  }

  /** Waits until a delivery of `type` has arrived (resolved as soon as it does). */
  async next(
    type: string,
    match: (r: Received) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((r) => r.json.type === type && match(r));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the peer received no ${type} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

/** Whether a delivery carries what Mastodon requires to accept it: a draft-cavage signature over the digest. */
export function mastodonAccepts(r: Received, keyId: string): string[] {
  const problems: string[] = [];
  const sig = String(r.headers.signature ?? '');
  const fields = Object.fromEntries([...sig.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (fields.keyId !== keyId) problems.push(`keyId ${fields.keyId} is not ${keyId}`);
  if (!/rsa-sha256|hs2019/.test(fields.algorithm ?? '')) problems.push(`algorithm ${fields.algorithm}`);
  for (const h of ['(request-target)', 'host', 'date', 'digest'])
    if (!(fields.headers ?? '').split(' ').includes(h)) problems.push(`${h} is not signed`);
  const digest = `SHA-256=${createHash('sha256').update(r.body).digest('base64')}`;
  if (r.headers.digest !== digest) problems.push(`Digest ${r.headers.digest} does not match the body`);
  if (!String(r.headers['content-type']).startsWith('application/activity+json'))
    problems.push('content-type');
  return problems;
}

/**
 * Verifies a delivery's draft-cavage signature as Mastodon does: the signed headers rebuilt,
 * the key fetched from its keyId (the actor document holding it), RSA-SHA256 over them. Returns
 * the keyId that verified; throws with the reason otherwise.
 */
export async function verifySignature(r: Received, inboxOrigin: string): Promise<string> {
  const sig = String(r.headers.signature ?? '');
  const fields = Object.fromEntries([...sig.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const digest = `SHA-256=${createHash('sha256').update(r.body).digest('base64')}`;
  if (r.headers.digest !== digest) throw new Error('Digest does not match the body');
  const lines = (fields.headers ?? 'date').split(' ').map((name) => {
    if (name === '(request-target)') return `(request-target): post ${r.path}`;
    if (name === 'host' && r.headers.host === undefined) return `host: ${new URL(inboxOrigin).host}`;
    return `${name}: ${r.headers[name]}`;
  });
  const res = await fetch(fields.keyId, { headers: { accept: 'application/activity+json' } });
  if (!res.ok) throw new Error(`key ${fields.keyId}: HTTP ${res.status}`);
  const doc = (await res.json()) as { publicKey?: unknown };
  const keys = [doc.publicKey ?? []].flat() as { id: string; publicKeyPem: string }[];
  const key = keys.find((k) => k.id === fields.keyId);
  if (!key) throw new Error(`no key ${fields.keyId} in its actor`);
  const ok = createVerify('RSA-SHA256')
    .update(lines.join('\n'))
    .verify(createPublicKey(key.publicKeyPem), fields.signature, 'base64');
  if (!ok) throw new Error('the signature does not verify');
  return fields.keyId;
}
