#!/usr/bin/env node
// Federation fan-out (issue 16, "Scale"): a chat followed by F remote accounts spread over S fake
// servers (bench/fed-inbox-farm.mjs, each on its own loopback address); the host publishes a
// question; how long until the last server's shared inbox has the Group's Announce of it.
//
//   npm run build && node bench/fed-fanout.mjs --servers 1000 [--followers 10000] [--json]
//
// Everything goes through the real protocol: Hashchat (the built bundle, a fresh SQLite file,
// FEDERATION_ALLOW_PRIVATE_ADDRESSES=true) gets one signed `Follow` per remote account on its
// shared inbox, fetches that account's actor document from the farm, records the follow and
// sends `Accept` back (counted at the farm: the run waits for all F before publishing). Then
// `POST /api/v1/questions/:id/publish`; the figures are from that POST being issued to each
// server's first accepted Announce (signature and Digest verified by the farm).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signedPost, startInboxFarm } from './fed-inbox-farm.mjs';
import { createBenchAccounts } from './hashchat-client.mjs';
import { summarize } from './percentiles.mjs';
import { openFileLimit, sampleProcess } from './proc-stats.mjs';
import { startHashchat } from './servers.mjs';

const now = () => performance.timeOrigin + performance.now();

/** Waits until `check()` is true, polling every `every` ms; false after `ms`. */
async function until(check, ms, every = 50) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, every));
  }
  return check();
}

/**
 * A host's chat on a fresh hashtag with a live session and one question, not yet published.
 * Started before anyone follows: its "Live now" goes to no one and is not measured.
 */
export async function setUpChat(url) {
  const call = async (method, path, body, token) => {
    const res = await fetch(new URL(path, url), {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
  const [host] = await createBenchAccounts(url, 1);
  const hashtag = `fed${Math.random().toString(36).slice(2, 8)}`;
  const chat = await call(
    'POST',
    '/api/v1/chats',
    { hashtag, title: 'Fan-out', time_zone: 'UTC' },
    host.token,
  );
  const t = Date.now();
  const session = await call(
    'POST',
    `/api/v1/chats/${chat.id}/sessions`,
    { starts_at: new Date(t + 60_000).toISOString(), ends_at: new Date(t + 3_600_000).toISOString() },
    host.token,
  );
  const question = await call(
    'POST',
    `/api/v1/sessions/${session.id}/questions`,
    { text: `What brings you here? #${hashtag}`, offset_minutes: null },
    host.token,
  );
  await call('POST', `/api/v1/sessions/${session.id}/start`, {}, host.token);
  return { call, host, hashtag, chat, session, question };
}

/**
 * One fan-out run. `url` and `pid` point at a running Hashchat that may deliver to loopback.
 * @param {{ url: string, pid: number, servers: number, followers: number, concurrency?: number, timeoutMs?: number, log?: (s: string) => void }} o
 */
export async function fedFanout({
  url,
  pid,
  servers,
  followers,
  concurrency = 16,
  timeoutMs = 120_000,
  log = () => {},
}) {
  const farm = await startInboxFarm({ servers, actors: true });
  try {
    const { call, host, chat, question } = await setUpChat(url);
    const group = `${url}/users/chat-${chat.id}`;

    // F signed Follows of the chat's Group, account j on server j % S.
    const followStart = now();
    const statuses = new Map();
    let next = 0;
    const worker = async () => {
      while (next < followers) {
        const j = next++;
        const actor = farm.actorUrl(j % servers, `f${j}`);
        const body = JSON.stringify({
          '@context': 'https://www.w3.org/ns/activitystreams',
          id: `${actor}#follows/${j}`,
          type: 'Follow',
          actor,
          object: group,
        });
        const status = await signedPost(`${url}/inbox`, body, `${actor}#main-key`, farm.keys.privateKey);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const accepts = () => farm.arrivals.filter((a) => a.type === 'Accept').length;
    const allAccepted = await until(() => accepts() >= followers, timeoutMs, 200);
    const followSeconds = (now() - followStart) / 1000;
    log(
      `follows: ${followers} sent (${JSON.stringify(Object.fromEntries(statuses))}), ${accepts()} Accepts in ${followSeconds.toFixed(1)} s, ${farm.actorFetches} actor documents served, refused ${JSON.stringify(Object.fromEntries(farm.refused.reasons))}`,
    );
    if (!allAccepted) throw new Error(`only ${accepts()} of ${followers} Accepts arrived`);

    // Publish the question and wait for every server's Announce.
    const before = sampleProcess(pid);
    const arrivalsBefore = farm.arrivals.length;
    const refusedBefore = farm.refused.total;
    const published = now();
    await call('POST', `/api/v1/questions/${question.id}/publish`, {}, host.token);
    const postMs = now() - published;
    const announces = () => farm.arrivals.slice(arrivalsBefore).filter((a) => a.type === 'Announce');
    const reached = () => new Set(announces().map((a) => a.server)).size;
    const complete = await until(() => reached() >= servers, timeoutMs);
    const lastAt = Math.max(published, ...announces().map((a) => a.at));
    const after = sampleProcess(pid);
    // Anything still in flight (a duplicate) has a moment to show before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const first = new Map();
    const perServer = new Array(servers).fill(0);
    for (const a of announces()) {
      perServer[a.server]++;
      if (!first.has(a.server)) first.set(a.server, a.at - published);
    }
    const latency = summarize(Float64Array.from(first.values()), 1);
    const cpuMs = (after.cpuSeconds - before.cpuSeconds) * 1000;
    return {
      servers,
      followers,
      followSeconds: Math.round(followSeconds * 10) / 10,
      followStatuses: Object.fromEntries(statuses),
      complete,
      reached: first.size,
      publishPostMs: Math.round(postMs * 10) / 10,
      lastMs: Math.round(lastAt - published),
      arrivalMs: latency,
      deliveriesPerServer: { min: Math.min(...perServer), max: Math.max(...perServer) },
      refused: farm.refused.total - refusedBefore,
      serverCpuMs: Math.round(cpuMs),
      serverCpuMsPerServer: Math.round((cpuMs / Math.max(1, first.size)) * 100) / 100,
    };
  } finally {
    await farm.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '100' },
      followers: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'hashchat-cmd': { type: 'string', default: 'node packages/server/dist/main.js' },
      json: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '120' },
    },
  });
  const servers = Number(values.servers);
  const followers = Number(values.followers ?? servers * 10);
  const limit = openFileLimit();
  if (limit !== null && limit < servers * 2 + 256)
    process.stderr.write(`warning: ulimit -n is ${limit}; ${servers} servers want ~${servers * 2 + 256}\n`);
  const logDir = mkdtempSync(join(tmpdir(), 'hashchat-fed-fanout-'));
  const server = await startHashchat(values['hashchat-cmd'], logDir, undefined, 'hashchat', {
    FEDERATION_ALLOW_PRIVATE_ADDRESSES: 'true',
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  });
  try {
    const result = await fedFanout({
      url: server.url,
      pid: server.pid,
      servers,
      followers,
      concurrency: Number(values.concurrency),
      log: (s) => process.stderr.write(`${s}\n`),
      timeoutMs: Number(values.timeout) * 1000,
    });
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else
      process.stdout.write(
        `${servers} servers, ${followers} followers: ${result.reached}/${servers} reached, last ${result.lastMs} ms, ` +
          `p50 ${result.arrivalMs.p50} ms, p99 ${result.arrivalMs.p99} ms; deliveries/server ${result.deliveriesPerServer.min}–${result.deliveriesPerServer.max}; ` +
          `server CPU ${result.serverCpuMs} ms (${result.serverCpuMsPerServer} ms/server); refused ${result.refused}\n`,
      );
  } finally {
    await server.stop();
    process.stderr.write(`server log: ${server.log}\n`);
  }
}
