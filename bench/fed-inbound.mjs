#!/usr/bin/env node
import { mkdtempSync } from 'node:fs';
// Federation inbound (issue 16, "Scale"): R signed remote replies a second, from A accounts on S
// fake servers (bench/fed-inbox-farm.mjs serves their actor documents), posted to Hashchat's
// shared inbox as Mastodon posts them: Create(Note) answering the live question, with the chat's
// hashtag. Measured: each reply from its POST being issued to its arrival on the session's
// stream (/api/v1/streaming/chat), i.e. verified, stored, classified and in the room.
//
//   npm run build && node bench/fed-inbound.mjs --rate 500 --seconds 10 [--accounts 100] [--servers 100] [--json]
//
// Every request is signed before the clock starts (a draft-cavage signature is good for an hour),
// so the bench's own RSA signing does not set the pace. Each account sends one warm-up reply
// first: its actor document is fetched then, as it would have been long before on a real server.
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setUpChat } from './fed-fanout.mjs';
import { signedHeaders, startInboxFarm } from './fed-inbox-farm.mjs';
import { markerPrefix, markerText, NO_MARKER, scanMarker } from './marker.mjs';
import { summarize } from './percentiles.mjs';
import { sampleProcess } from './proc-stats.mjs';
import { startHashchat } from './servers.mjs';
import { openSseReader } from './sse-reader.mjs';

const nowMs = () => performance.now();

/**
 * @param {{ url: string, pid: number, rate: number, seconds: number, accounts?: number, servers?: number,
 *   sockets?: number, drainMs?: number, log?: (s: string) => void }} o
 */
export async function fedInbound({
  url,
  pid,
  rate,
  seconds,
  accounts = 100,
  servers = Math.min(accounts, 100),
  sockets = 64,
  drainMs = 15_000,
  log = () => {},
}) {
  const farm = await startInboxFarm({ servers, actors: true });
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const base = new URL(url);
  const streams = [];
  try {
    const { call, host, hashtag, session, question } = await setUpChat(url);
    const published = await call('POST', `/api/v1/questions/${question.id}/publish`, {}, host.token);
    const inReplyTo = published?.status?.uri;
    if (!inReplyTo) throw new Error('the published question has no status uri');
    const run = Math.random().toString(36).slice(2, 8);
    const prefix = markerPrefix(run);
    const total = Math.round(rate * seconds);
    const seenAt = new Float64Array(total).fill(Number.NaN);
    const postedAt = new Float64Array(total).fill(Number.NaN);
    const statusOf = new Uint16Array(total);
    // Warm-up replies carry markers of their own run (`<run>x`), counted per account.
    const warmPrefix = markerPrefix(`${run}x`);
    const warmSeenBy = new Uint8Array(accounts);
    let warmSeen = 0;

    const stream = await openSseReader({
      host: base.hostname,
      port: Number(base.port),
      path: `/api/v1/streaming/chat?session_id=${encodeURIComponent(String(session.id))}`,
      timeoutMs: 30_000,
      onEvent: (buf, start, end) => {
        const w = scanMarker(buf, start, end, warmPrefix);
        if (w >= 0 && w < accounts && !warmSeenBy[w]) {
          warmSeenBy[w] = 1;
          warmSeen++;
        }
        const k = scanMarker(buf, start, end, prefix);
        if (k !== NO_MARKER && k >= 0 && k < total && Number.isNaN(seenAt[k])) seenAt[k] = nowMs();
      },
      onClose: () => {},
    });
    streams.push(stream);

    const inbox = `${url}/inbox`;
    /** A Create(Note) answering the question, as Mastodon sends it, signed. */
    const reply = (n, text) => {
      const a = n % accounts;
      const actor = farm.actorUrl(a % servers, `r${a}`);
      const id = `${actor}/statuses/${run}-${text}`;
      const published = new Date().toISOString();
      const content = `<p>${text} <a href="${farm.actorUrl(a % servers, 'tags')}/${hashtag}" class="mention hashtag" rel="tag">#<span>${hashtag}</span></a></p>`;
      const body = JSON.stringify({
        '@context': [
          'https://www.w3.org/ns/activitystreams',
          { Hashtag: 'as:Hashtag', sensitive: 'as:sensitive' },
        ],
        id: `${id}/activity`,
        type: 'Create',
        actor,
        published,
        to: ['https://www.w3.org/ns/activitystreams#Public'],
        cc: [`${actor}/followers`],
        object: {
          id,
          type: 'Note',
          inReplyTo,
          published,
          attributedTo: actor,
          to: ['https://www.w3.org/ns/activitystreams#Public'],
          cc: [`${actor}/followers`],
          sensitive: false,
          content,
          tag: [
            {
              type: 'Hashtag',
              href: `${farm.actorUrl(a % servers, 'tags')}/${hashtag}`,
              name: `#${hashtag}`,
            },
          ],
        },
      });
      return { body, headers: signedHeaders(inbox, body, `${actor}#main-key`, farm.keys.privateKey) };
    };
    const post = ({ body, headers }) =>
      new Promise((resolve) => {
        const req = http.request(
          { host: base.hostname, port: base.port, path: '/inbox', method: 'POST', agent, headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });

    // Warm-up: one reply per account (its actor document fetched, its account made).
    const warm = Array.from({ length: accounts }, (_, a) => reply(a, markerText(`${run}x`, a)));
    const warmStatuses = await Promise.all(warm.map(post));
    const deadline = Date.now() + 120_000;
    while (warmSeen < accounts && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    log(
      `warm-up: ${warmStatuses.filter((s) => s === 202).length}/${accounts} accepted, ${warmSeen} in the room`,
    );

    // Sign everything before the clock starts.
    const requests = Array.from({ length: total }, (_, n) => reply(n, markerText(run, n)));

    const before = sampleProcess(pid);
    const t0 = nowMs();
    const postLatency = [];
    const inflight = [];
    let sent = 0;
    await new Promise((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor(((nowMs() - t0) / 1000) * rate) + 1);
        for (; sent < due; sent++) {
          const n = sent;
          postedAt[n] = nowMs();
          inflight.push(
            post(requests[n]).then((status) => {
              statusOf[n] = status;
              postLatency.push(nowMs() - postedAt[n]);
            }),
          );
        }
        if (sent >= total) resolve(undefined);
        else setTimeout(tick, 2);
      };
      tick();
    });
    await Promise.all(inflight);
    const postsDoneMs = nowMs() - t0;
    const drainUntil = Date.now() + drainMs;
    const arrived = () => seenAt.reduce((c, v) => c + (Number.isNaN(v) ? 0 : 1), 0);
    while (arrived() < total && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    const after = sampleProcess(pid);
    const latency = [];
    for (let n = 0; n < total; n++) if (!Number.isNaN(seenAt[n])) latency.push(seenAt[n] - postedAt[n]);
    const accepted = statusOf.reduce((c, s) => c + (s === 202 ? 1 : 0), 0);
    const cpuMs = (after.cpuSeconds - before.cpuSeconds) * 1000;
    return {
      rate,
      seconds,
      accounts,
      servers,
      sent: total,
      accepted,
      offeredPerSecond: Math.round((total / (postsDoneMs / 1000)) * 10) / 10,
      inRoom: latency.length,
      inRoomMs: summarize(Float64Array.from(latency), 1),
      postMs: summarize(Float64Array.from(postLatency), 1),
      refusedByFarm: farm.refused.total,
      serverCpuMs: Math.round(cpuMs),
      serverCpuMsPerReply: Math.round((cpuMs / Math.max(1, latency.length)) * 100) / 100,
    };
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await farm.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '500' },
      seconds: { type: 'string', default: '10' },
      accounts: { type: 'string', default: '100' },
      servers: { type: 'string' },
      'hashchat-cmd': { type: 'string', default: 'node packages/server/dist/main.js' },
      json: { type: 'boolean', default: false },
    },
  });
  const logDir = mkdtempSync(join(tmpdir(), 'hashchat-fed-inbound-'));
  const server = await startHashchat(values['hashchat-cmd'], logDir, undefined, 'hashchat', {
    FEDERATION_ALLOW_PRIVATE_ADDRESSES: 'true',
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  });
  try {
    const accounts = Number(values.accounts);
    const r = await fedInbound({
      url: server.url,
      pid: server.pid,
      rate: Number(values.rate),
      seconds: Number(values.seconds),
      accounts,
      servers: Number(values.servers ?? Math.min(accounts, 100)),
      log: (s) => process.stderr.write(`${s}\n`),
    });
    if (values.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else
      process.stdout.write(
        `${r.rate}/s × ${r.seconds} s from ${r.accounts} accounts on ${r.servers} servers: ${r.accepted}/${r.sent} accepted, ` +
          `${r.inRoom} in the room, p50 ${r.inRoomMs?.p50} ms, p99 ${r.inRoomMs?.p99} ms; POST p99 ${r.postMs?.p99} ms; ` +
          `server CPU ${r.serverCpuMsPerReply} ms/reply\n`,
      );
  } finally {
    await server.stop();
    process.stderr.write(`server log: ${server.log}\n`);
  }
}
