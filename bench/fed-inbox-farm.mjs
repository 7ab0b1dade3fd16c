#!/usr/bin/env node
// A farm of fake fediverse servers on loopback, for the federation fan-out bench (issue 16):
// N "servers", each a shared inbox on its own loopback address (127.0.x.y, one port for all),
// served by ONE HTTP server. Each inbox checks the request the way a Mastodon before 4.4 does:
// a draft-cavage HTTP signature (`Signature`, rsa-sha256) over at least (request-target), host,
// date and digest, a `Digest` that matches the body, a recent `Date`, and the key fetched from
// its keyId (or registered with trustKey). RFC 9421-only requests are refused with 401, so the
// sender's fallback to draft-cavage is exercised too. Every accepted delivery's arrival time is
// recorded; GET /_farm/stats (on any of the addresses) summarises them.
//
//   node bench/fed-inbox-farm.mjs --servers 1000 [--port 0] [--stats-every 0]
//
// It prints the inbox URLs' pattern and serves until SIGINT/SIGTERM. Used as a module,
// startInboxFarm() returns the farm. Needs N listening sockets (ulimit -n) and a sender that may
// deliver to private addresses (Hashchat: FEDERATION_ALLOW_PRIVATE_ADDRESSES=true).
//
// With `actors: true` each virtual server also serves actor documents (GET /users/<name>, a
// Person with a publicKey and the server's shared inbox), all with ONE RSA key pair (farm.keys):
// 10,000 distinct RSA keys would take minutes to make and test nothing more. signedPost() signs
// a request with it the way Mastodon does (draft-cavage, Digest). bench/fed-fanout.mjs drives it.

import { createHash, createPublicKey, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { summarize } from './percentiles.mjs';

const MAX_BODY = 1024 * 1024;
const DATE_SKEW_MS = 60 * 60_000;

/** The loopback address of virtual server `i` (0-based): 127.0.0.1, 127.0.0.2, … 127.0.1.0, … */
export const farmAddress = (i) => {
  const n = i + 1;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** Splits a cavage `Signature` header into its parameters. */
export function parseSignatureHeader(value) {
  const params = {};
  for (const m of value.matchAll(/([a-zA-Z]+)="([^"]*)"/g)) params[m[1].toLowerCase()] = m[2];
  return params;
}

/**
 * Checks a draft-cavage signed request; returns the keyId, or throws with the reason.
 * `keyFor(keyId)` resolves a public key (KeyObject).
 */
export async function verifyCavage({ method, path, headers, body }, keyFor, now = Date.now()) {
  const header = headers.signature;
  if (typeof header !== 'string') throw new Error('no draft-cavage Signature header');
  const sig = parseSignatureHeader(header);
  if (!sig.keyid || !sig.signature) throw new Error('Signature lacks keyId or signature');
  const algorithm = (sig.algorithm ?? 'rsa-sha256').toLowerCase();
  if (algorithm !== 'rsa-sha256' && algorithm !== 'hs2019') throw new Error(`algorithm ${algorithm}`);
  const signed = (sig.headers ?? 'date').toLowerCase().split(/\s+/).filter(Boolean);
  for (const required of ['(request-target)', 'host', 'date', 'digest'])
    if (!signed.includes(required)) throw new Error(`${required} is not signed`);
  const date = Date.parse(String(headers.date ?? ''));
  if (!Number.isFinite(date) || Math.abs(now - date) > DATE_SKEW_MS)
    throw new Error('Date missing or too far off');
  const digest = String(headers.digest ?? '');
  const expected = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  if (!digest.split(',').some((d) => d.trim() === expected))
    throw new Error('Digest does not match the body');
  const lines = signed.map((name) => {
    if (name === '(request-target)') return `(request-target): ${method.toLowerCase()} ${path}`;
    const v = headers[name];
    if (v === undefined) throw new Error(`signed header ${name} is missing`);
    return `${name}: ${Array.isArray(v) ? v.join(', ') : v}`;
  });
  const key = await keyFor(sig.keyid);
  const ok = createVerify('RSA-SHA256').update(lines.join('\n')).verify(key, sig.signature, 'base64');
  if (!ok) throw new Error('signature does not verify');
  return sig.keyid;
}

/**
 * Starts the farm: `servers` virtual inboxes at http://<farmAddress(i)>:<port>/inbox.
 * @param {{ servers: number, port?: number, fetchKeys?: boolean }} options
 */
export async function startInboxFarm({ servers, port = 0, fetchKeys = true, actors = false }) {
  const keys = new Map();
  const actorKeys = actors ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : null;
  const actorPem = actorKeys?.publicKey.export({ type: 'spki', format: 'pem' }).toString() ?? null;
  /** @type {{ server: number, activityId: string | null, type: string | null, shared: boolean, at: number, verifyMs: number }[]} */
  const arrivals = [];
  const refused = { total: 0, reasons: new Map() };
  let actorFetches = 0;

  const keyFor = async (keyId) => {
    let key = keys.get(keyId);
    if (!key) {
      if (!fetchKeys) throw new Error(`unknown key ${keyId}`);
      key = fetchKey(keyId);
      keys.set(keyId, key);
      // A failed fetch is not kept: the next delivery asks again.
      key.catch(() => keys.delete(keyId));
    }
    return key;
  };

  const app = http.createServer(async (req, res) => {
    const server = vhostOf(req.socket.localAddress);
    if (req.method === 'GET' && req.url?.startsWith('/_farm/stats')) {
      const since = Number(new URL(req.url, 'http://x').searchParams.get('since')) || null;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(stats(since)));
      return;
    }
    const actorMatch = /^\/users\/([A-Za-z0-9_]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && actorMatch && actorPem && server !== null) {
      actorFetches++;
      res.writeHead(200, { 'content-type': 'application/activity+json' });
      res.end(JSON.stringify(actorDocument(server, actorMatch[1])));
      return;
    }
    // A personal inbox (where an Accept to one account goes) is taken like the shared one;
    // `personal` tells them apart in the arrivals.
    const personal = actorPem !== null && /^\/users\/[A-Za-z0-9_]+\/inbox$/.test(req.url ?? '');
    if (req.method !== 'POST' || (req.url !== '/inbox' && !personal) || server === null) {
      if (process.env.FARM_DEBUG) process.stderr.write(`farm 404 ${req.method} ${req.url}\n`);
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    const started = performance.now();
    try {
      await verifyCavage({ method: req.method, path: req.url, headers: req.headers, body }, keyFor);
    } catch (err) {
      refused.total++;
      const reason = err instanceof Error ? err.message : String(err);
      refused.reasons.set(reason, (refused.reasons.get(reason) ?? 0) + 1);
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: reason }));
      return;
    }
    const at = performance.timeOrigin + performance.now();
    let activity = {};
    try {
      activity = JSON.parse(body.toString('utf8'));
    } catch {
      /* recorded without an id */
    }
    arrivals.push({
      server,
      activityId: typeof activity.id === 'string' ? activity.id : null,
      type: typeof activity.type === 'string' ? activity.type : null,
      shared: !personal,
      at,
      verifyMs: performance.now() - started,
    });
    res.writeHead(202).end();
  });
  app.keepAliveTimeout = 30_000;

  // One listening socket per loopback address, all feeding the one HTTP server: nothing
  // listens beyond loopback, and every virtual server is its own host to the sender.
  const listeners = [];
  // The HTTP server never listens itself, so it does not track these sockets: we do.
  const sockets = new Set();
  let chosenPort = port;
  for (let i = 0; i < servers; i++) {
    const l = net.createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      app.emit('connection', socket);
    });
    await new Promise((resolve, reject) => {
      l.once('error', reject);
      l.listen(chosenPort, farmAddress(i), () => resolve(undefined));
    });
    chosenPort = /** @type {net.AddressInfo} */ (l.address()).port;
    listeners.push(l);
  }

  const vhostOf = (address) => {
    const m = /^(?:::ffff:)?127\.(\d+)\.(\d+)\.(\d+)$/.exec(address ?? '');
    if (!m) return null;
    const i = ((Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3])) - 1;
    return i >= 0 && i < servers ? i : null;
  };

  const base = (i) => `http://${farmAddress(i)}:${chosenPort}`;
  const actorDocument = (i, name) => {
    const id = `${base(i)}/users/${name}`;
    return {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      id,
      type: 'Person',
      preferredUsername: name,
      name,
      inbox: `${id}/inbox`,
      outbox: `${id}/outbox`,
      followers: `${id}/followers`,
      endpoints: { sharedInbox: `${base(i)}/inbox` },
      publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem: actorPem },
    };
  };

  /** Arrivals per activity: how many servers got it, and when (ms after `since`, if given). */
  function stats(since) {
    const byActivity = new Map();
    for (const a of arrivals) {
      const key = a.activityId ?? '(no id)';
      const entry = byActivity.get(key) ?? { servers: new Set(), deliveries: 0, first: Infinity, last: 0 };
      entry.servers.add(a.server);
      entry.deliveries++;
      entry.first = Math.min(entry.first, a.at);
      entry.last = Math.max(entry.last, a.at);
      byActivity.set(key, entry);
    }
    const latency =
      since === null
        ? null
        : summarize(
            Float64Array.from(arrivals, (a) => a.at - since),
            1,
          );
    return {
      servers,
      accepted: arrivals.length,
      refused: { total: refused.total, reasons: Object.fromEntries(refused.reasons) },
      verifyMs: summarize(
        Float64Array.from(arrivals, (a) => a.verifyMs),
        1,
      ),
      sinceMs: latency,
      activities: [...byActivity].map(([id, e]) => ({
        id,
        servers: e.servers.size,
        deliveries: e.deliveries,
        spreadMs: Math.round(e.last - e.first),
      })),
    };
  }

  return {
    port: chosenPort,
    inboxUrl: (i) => `${base(i)}/inbox`,
    /** The id of actor `name` on virtual server `i` (served when started with `actors: true`). */
    actorUrl: (i, name) => `${base(i)}/users/${name}`,
    /** The actors' shared key pair (KeyObjects), or null without `actors`. */
    keys: actorKeys,
    /** Registers a public key (PEM) for a keyId, so it is not fetched. */
    trustKey(keyId, pem) {
      keys.set(keyId, Promise.resolve(createPublicKey(pem)));
    },
    arrivals,
    refused,
    /** How many actor documents were served. */
    get actorFetches() {
      return actorFetches;
    },
    stats,
    async close() {
      // The listeners count the sockets they handed over: end those first, or close waits for them.
      const closed = listeners.map((l) => new Promise((resolve) => l.close(() => resolve(undefined))));
      for (const socket of sockets) socket.destroy();
      await Promise.all(closed);
    },
  };
}

/**
 * The headers of a POST of `body` (a string) to `url`, signed as Mastodon signs: draft-cavage
 * rsa-sha256 over (request-target) host date digest, with a SHA-256 `Digest`. Good for an hour
 * (the receiver's clock skew allowance), so a run can sign before it starts its clock.
 */
export function signedHeaders(url, body, keyId, privateKey) {
  const u = new URL(url);
  const date = new Date().toUTCString();
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  const signing = [
    `(request-target): post ${u.pathname}${u.search}`,
    `host: ${u.host}`,
    `date: ${date}`,
    `digest: ${digest}`,
  ].join('\n');
  const signature = createSign('RSA-SHA256').update(signing).sign(privateKey, 'base64');
  return {
    'content-type': 'application/activity+json',
    date,
    digest,
    signature: `keyId="${keyId}",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`,
  };
}

/** POSTs `body` to `url` signed (signedHeaders); returns the response status. */
export async function signedPost(url, body, keyId, privateKey) {
  const res = await fetch(url, {
    method: 'POST',
    headers: signedHeaders(url, body, keyId, privateKey),
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** The public key behind a keyId: the key document, or the actor holding it (publicKeyPem). */
async function fetchKey(keyId) {
  const res = await fetch(keyId, {
    headers: { accept: 'application/activity+json, application/ld+json' },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`key ${keyId}: HTTP ${res.status}`);
  const doc = await res.json();
  const withPem = [doc, ...[doc.publicKey ?? []].flat()].filter((k) => typeof k?.publicKeyPem === 'string');
  const match = withPem.find((k) => k.id === keyId) ?? (withPem.length === 1 ? withPem[0] : undefined);
  if (!match) throw new Error(`key ${keyId}: no publicKeyPem`);
  return createPublicKey(match.publicKeyPem);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '100' },
      port: { type: 'string', default: '0' },
      'stats-every': { type: 'string', default: '0' },
    },
  });
  const farm = await startInboxFarm({ servers: Number(values.servers), port: Number(values.port) });
  process.stdout.write(
    `${values.servers} inboxes: ${farm.inboxUrl(0)} … ${farm.inboxUrl(Number(values.servers) - 1)}\n` +
      `stats: curl http://127.0.0.1:${farm.port}/_farm/stats?since=<epoch ms>\n`,
  );
  const every = Number(values['stats-every']);
  const timer =
    every > 0
      ? setInterval(() => process.stdout.write(`${JSON.stringify(farm.stats(null))}\n`), every * 1000)
      : null;
  const stop = async () => {
    if (timer) clearInterval(timer);
    await farm.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
