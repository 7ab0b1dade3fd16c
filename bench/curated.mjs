// The curated stream, scaled down: a very large session on several instances (PostgreSQL +
// Redis, bench/pg-server.mjs, behind bench/tcp-balancer.mjs), its readers spread over them,
// participants posting `--rate` statuses a second and the host one a second. Three phases on
// the same instances, one after the other: no readers (what ingest alone costs), `--full-readers`
// on the session's full stream, `--curated-readers` on its curated stream
// (`/api/v1/streaming/chat?session_id=…&curated=true`). Figures per phase: deliveries/s, the
// instances' CPU (each, and summed), CPU per delivery once ingest's share is taken off, and for
// the curated readers whether every one got the same statuses (the sample is decided once).
//
//   npm run build && node bench/curated.mjs [--instances 2] [--full-readers 400]
//     [--curated-readers 3000] [--rate 100] [--seconds 10] [--posters 40] [--json]
// Needs `ulimit -n` above 2 × readers + a few hundred (the balancer holds both ends).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchAccounts } from './hashchat-client.mjs';
import { markerPrefix, markerText, NO_MARKER, scanMarker, WARMUP } from './marker.mjs';
import { summarize } from './percentiles.mjs';
import { openFileLimit, processTree, sampleProcess } from './proc-stats.mjs';
import { startHashchat } from './servers.mjs';
import { openSseReader } from './sse-reader.mjs';

const { values: opt } = parseArgs({
  options: {
    instances: { type: 'string', default: '2' },
    'full-readers': { type: 'string', default: '400' },
    'curated-readers': { type: 'string', default: '3000' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    posters: { type: 'string', default: '40' },
    drain: { type: 'string', default: '3' },
    server: { type: 'string', default: 'packages/server/dist/main.js' },
    json: { type: 'boolean', default: false },
  },
});
const instances = Number(opt.instances);
const rate = Number(opt.rate);
const seconds = Number(opt.seconds);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const log = (line) => process.stderr.write(`${line}\n`);

const limit = openFileLimit();
const need = 2 * Math.max(Number(opt['full-readers']), Number(opt['curated-readers'])) + 512;
if (limit !== null && limit < need)
  log(`warning: ulimit -n is ${limit}, below ${need}: raise it (ulimit -n 65536)`);

const logDir = mkdtempSync(join(tmpdir(), 'hashchat-bench-curated-'));
const server = await startHashchat(`node bench/pg-server.mjs ${opt.server}`, logDir, undefined, 'hashchat', {
  HASHCHAT_BENCH_INSTANCES: String(instances),
});
const base = new URL(server.url);
// Ready once every instance answers: the balancer takes turns, so a few answers in a row.
for (let answered = 0, tries = 0; answered < 4 * instances && tries < 400; tries++) {
  const res = await fetch(`${server.url}/api/v1/instance`).catch(() => null);
  await res?.arrayBuffer();
  answered = res?.ok ? answered + 1 : 0;
  if (!res?.ok) await sleep(250);
}
// Several keep-alive agents taken in turn: the balancer spreads connections, not requests, so
// one agent's few busy sockets would post every status through one or two instances.
const agents = Array.from(
  { length: 4 * instances },
  () => new http.Agent({ keepAlive: true, maxSockets: 8 }),
);
let turn = 0;

/** One JSON request on the keep-alive agent. */
const call = (method, path, body, token) =>
  new Promise((resolve, reject) => {
    const text = body ? JSON.stringify(body) : null;
    const req = http.request(
      {
        agent: agents[turn++ % agents.length],
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : null });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text ?? undefined);
  });
const ok = async (method, path, body, token) => {
  const res = await call(method, path, body, token);
  if (res.status !== 200)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** The instances: the Node processes of the tree running the server bundle (not pg-server.mjs). */
const instancePids = () =>
  processTree(server.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')[1] === opt.server;
    } catch {
      return false;
    }
  });
const cpuOf = (pids) => pids.map((pid) => sampleProcess(pid, [pid]).cpuSeconds);

try {
  const [host, ...posters] = await createBenchAccounts(server.url, 1 + Number(opt.posters));
  const hashtag = `curated${randomBytes(3).toString('hex')}`;
  const chat = await ok(
    'POST',
    '/api/v1/chats',
    { hashtag, title: 'Town hall', time_zone: 'UTC' },
    host.token,
  );
  const now = Date.now();
  const session = await ok(
    'POST',
    `/api/v1/chats/${chat.id}/sessions`,
    { starts_at: new Date(now + 60_000).toISOString(), ends_at: new Date(now + 3_600_000).toISOString() },
    host.token,
  );
  await ok('POST', `/api/v1/sessions/${session.id}/start`, {}, host.token);
  const pids = instancePids();
  if (pids.length !== instances) throw new Error(`expected ${instances} instances, found ${pids.length}`);

  const phases = [];
  for (const [name, readers, curated] of [
    ['ingest only', 0, false],
    ['full stream', Number(opt['full-readers']), false],
    ['curated stream', Number(opt['curated-readers']), true],
  ]) {
    log(`${name}: ${readers} readers…`);
    phases.push(await runPhase(name, readers, curated));
    await sleep(2000);
  }
  const ingest = phases[0];
  const cpuPerStatus = ingest.cpuSeconds / Math.max(1, ingest.statusesOk);
  for (const p of phases) {
    const beyondIngest = p.cpuSeconds - cpuPerStatus * p.statusesOk;
    p.usPerDelivery = p.delivered ? Math.round((p.cpuSeconds / p.delivered) * 1e6 * 10) / 10 : null;
    p.usPerDeliveryBeyondIngest = p.delivered
      ? Math.round((beyondIngest / p.delivered) * 1e6 * 10) / 10
      : null;
  }
  const result = {
    instances,
    rateOffered: rate,
    hostRate: 1,
    seconds,
    cpuMsPerStatusIngest: Math.round(cpuPerStatus * 1e4) / 10,
    phases,
    logs: logDir,
  };
  const rows = phases.map(
    (p) =>
      `| ${p.name} | ${p.readers} | ${p.statusesOk} (${p.statusesPerSecond}/s) | ${p.distinctDelivered} (${p.perReaderPerSecond}/s) | ${p.deliveriesPerSecond} | ${p.lost} | ${p.cpuSeconds} (${p.cpuPerInstance.join(' + ')}) | ${p.usPerDelivery ?? '–'} | ${p.usPerDeliveryBeyondIngest ?? '–'} | ${p.latencyMs ? `${p.latencyMs.p50} / ${p.latencyMs.p99}` : '–'} |`,
  );
  (opt.json ? process.stderr : process.stdout).write(
    [
      `${instances} instances (PostgreSQL + Redis), ${rate} statuses/s offered for ${seconds} s (one a second the host's); ingest ${result.cpuMsPerStatusIngest} ms of instance CPU per status`,
      '',
      '| phase | readers | statuses accepted | statuses a reader got | deliveries/s | lost | instance CPU s | µs / delivery | µs / delivery beyond ingest | latency p50 / p99 ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
  if (opt.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

  /** Opens the readers, warms up until each has an event, posts for `seconds`, drains, closes. */
  async function runPhase(name, readers, curated) {
    const run = randomBytes(3).toString('hex');
    const prefix = markerPrefix(run);
    const path = `/api/v1/streaming/chat?session_id=${session.id}${curated ? '&curated=true' : ''}`;
    const max = Math.ceil((rate + 1) * seconds) + 16;
    const seen = Array.from({ length: readers }, () => new Uint8Array(max));
    const warm = new Uint8Array(readers);
    const postedAt = new Float64Array(max).fill(Number.NaN);
    const latency = [];
    let duplicates = 0;
    let closed = 0;
    const streams = [];
    for (let i = 0; i < readers; i += 200) {
      const batch = [];
      for (let r = i; r < Math.min(readers, i + 200); r++) {
        batch.push(
          openSseReader({
            host: base.hostname,
            port: Number(base.port),
            path,
            timeoutMs: 60_000,
            onEvent: (buf, start, end) => {
              const k = scanMarker(buf, start, end, prefix);
              if (k === WARMUP) warm[r] = 1;
              else if (k !== NO_MARKER && k >= 0 && k < max) {
                if (seen[r][k]) duplicates++;
                else {
                  seen[r][k] = 1;
                  latency.push(nowMs() - postedAt[k]);
                }
              }
            },
            onClose: () => closed++,
          }).then((s) => streams.push(s)),
        );
      }
      await Promise.allSettled(batch);
      await sleep(20);
    }
    // Warm-up: host statuses (every reader, full or curated, gets those) until all have one.
    const warmUntil = Date.now() + 20_000;
    let w = 0;
    while (warm.reduce((a, b) => a + b, 0) < streams.length && Date.now() < warmUntil) {
      await ok(
        'POST',
        '/api/v1/statuses',
        { status: `${markerText(run, w++, true)} #${hashtag}` },
        host.token,
      );
      await sleep(300);
    }
    const ready = warm.reduce((a, b) => a + b, 0);

    // Measured: participants round robin at `rate`, the host once a second, open loop.
    const startCpu = cpuOf(pids);
    const t0 = nowMs();
    const total = Math.floor(rate * seconds);
    const okStatus = new Uint8Array(max);
    const postLatency = [];
    const posts = [];
    let k = 0;
    for (let n = 0; n < total; n++) {
      const due = t0 + (n * 1000) / rate;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      const byHost = n % rate === 0;
      const author = byHost ? host : posters[n % posters.length];
      const idx = k++;
      postedAt[idx] = nowMs();
      posts.push(
        call(
          'POST',
          '/api/v1/statuses',
          { status: `${markerText(run, idx)} #${hashtag}` },
          author.token,
        ).then(
          (res) => {
            postLatency.push(nowMs() - postedAt[idx]);
            if (res.status === 200) okStatus[idx] = 1;
          },
          () => {},
        ),
      );
    }
    await Promise.all(posts);
    const postedFor = (nowMs() - t0) / 1000;
    await sleep(Number(opt.drain) * 1000);
    const endCpu = cpuOf(pids);
    const wall = (nowMs() - t0) / 1000;
    for (const s of streams) s.close();

    // What the readers got: (reader, status) pairs, and for curated readers whether they agree.
    let delivered = 0;
    let lost = 0;
    const perStatus = new Uint32Array(max);
    for (let r = 0; r < readers; r++) {
      if (!warm[r]) continue;
      for (let i = 0; i < k; i++) {
        if (seen[r][i]) {
          delivered++;
          perStatus[i]++;
        }
      }
    }
    const statusesOk = okStatus.reduce((a, b) => a + b, 0);
    let distinct = 0;
    let partial = 0;
    for (let i = 0; i < k; i++) {
      if (perStatus[i] > 0) distinct++;
      if (perStatus[i] > 0 && perStatus[i] < ready) partial++;
    }
    // A full reader should get every accepted status; a curated reader the statuses any got.
    const expectedPerReader = curated ? distinct : statusesOk;
    lost = ready * expectedPerReader - delivered;
    const cpuPerInstance = endCpu.map((c, i) => Math.round((c - startCpu[i]) * 100) / 100);
    const cpuSeconds = Math.round(cpuPerInstance.reduce((a, b) => a + b, 0) * 100) / 100;
    return {
      name,
      readers,
      readersReady: ready,
      statusesOk,
      statusesPerSecond: Math.round((statusesOk / postedFor) * 10) / 10,
      postLatencyMs: summarize(Float64Array.from(postLatency), 1),
      distinctDelivered: readers ? expectedPerReader : 0,
      /** Statuses a second each reader got: what a reader of this stream costs the instances. */
      perReaderPerSecond: readers ? Math.round((expectedPerReader / postedFor) * 10) / 10 : 0,
      statusesSeenBySomeCuratedReadersOnly: curated ? partial : null,
      delivered,
      deliveriesPerSecond: Math.round(delivered / wall),
      lost,
      duplicates,
      closed,
      wallSeconds: Math.round(wall * 10) / 10,
      cpuSeconds,
      cpuPerInstance,
      latencyMs: summarize(Float64Array.from(latency), 1),
    };
  }
} finally {
  for (const a of agents) a.destroy();
  await server.stop();
}
