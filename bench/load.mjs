// The load tool. Fan-out mode opens N readers of a hashtag stream (SSE or WebSocket) in
// worker threads, publishes statuses at a steady rate from the main thread, and reports
// delivery, latency and the server's CPU and memory. History mode reads the hashtag timeline
// in a closed loop. JSON result on stdout, one human line on stderr.
//
//   node bench/load.mjs --url http://127.0.0.1:3000 --readers 1000 --rate 50 --seconds 10 \
//     --transport sse --token <publisher token> --pid <server pid>
//
// Every reader is a socket in this process and in the server: raise `ulimit -n` (65536) for
// runs above ~1,000 readers. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { readHistory } from './history.mjs';
import { measureIdle } from './idle.mjs';
import { markerText } from './marker.mjs';
import { concatSamples, summarize } from './percentiles.mjs';
import { openFileLimit, processTree, sampleProcess } from './proc-stats.mjs';
import { createPublisher, publishAtRate } from './publisher.mjs';
import { measureResume } from './resume.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    mode: { type: 'string', default: 'fanout' },
    readers: { type: 'string', default: '100' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    drain: { type: 'string', default: '5' },
    transport: { type: 'string', default: 'sse' },
    tag: { type: 'string', default: 'bench' },
    token: { type: 'string', default: process.env.HASHCHAT_BENCH_TOKEN ?? '' },
    'reader-tokens': { type: 'string' },
    'authed-share': { type: 'string', default: '1' },
    pid: { type: 'string' },
    workers: { type: 'string', default: '1' },
    'connect-batch': { type: 'string', default: '250' },
    'connect-pause': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    'accept-encoding': { type: 'string', default: '' },
    tags: { type: 'string', default: '1' },
    'poster-tokens': { type: 'string' },
    'poster-sockets': { type: 'string', default: '4' },
    mentions: { type: 'string' },
    'other-token': { type: 'string' },
    'other-every': { type: 'string', default: '10' },
    'excluding-tokens': { type: 'string' },
    missed: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    settle: { type: 'string', default: '3' },
  },
});

const url = new URL(args.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  process.stderr.write(`refusing ${url.hostname}: the benchmark only connects to 127.0.0.1\n`);
  process.exit(2);
}
const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
const port = Number(url.port || 80);
const readers = Number(args.readers);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const drainSeconds = Number(args.drain);
const transport = args.transport;
const tag = args.tag;
const pid = args.pid ? Number(args.pid) : null;
const run = randomBytes(4).toString('hex');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

// Server sampling: peak RSS over the whole run, CPU over the measured window.
const sampler = (() => {
  if (!pid) return null;
  let tree = processTree(pid);
  let peak = 0;
  const sample = () => {
    const s = sampleProcess(pid, tree);
    peak = Math.max(peak, s.rssBytes);
    return s;
  };
  const first = sample();
  const timer = setInterval(() => {
    tree = processTree(pid);
    sample();
  }, 250);
  return { first, sample, peak: () => peak, stop: () => clearInterval(timer) };
})();

const checkLimits = () => {
  const need = readers + 64;
  const own = openFileLimit();
  const server = pid ? openFileLimit(pid) : null;
  for (const [who, limit] of [
    ['load tool', own],
    ['server', server],
  ]) {
    if (limit !== null && limit < need)
      process.stderr.write(
        `warning: ${who} may open only ${limit} files; ${need} needed (ulimit -n 65536)\n`,
      );
  }
};

/** The non-empty lines of a file (none when no file is given). */
const lines = (file) =>
  file
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

const tagCount = Math.max(1, Number(args.tags));
/** The hashtag measured status (or warm-up status) n goes to: readers are spread the same way. */
const tagOf = (n) => (tagCount > 1 ? `${tag}${n % tagCount}` : tag);
const otherToken = args['other-token'] || null;
const otherEvery = otherToken ? Number(args['other-every']) : 0;
const fromOther = (n) => otherEvery > 0 && n % otherEvery === otherEvery - 1;

const readerTokens = () => {
  const list = lines(args['reader-tokens']);
  const authed = list.length ? Math.round(readers * Number(args['authed-share'])) : 0;
  // Spread the logged-in readers evenly over the room rather than bunching them first, and
  // give them the users' tokens in turn.
  let k = 0;
  return Array.from({ length: readers }, (_, i) =>
    Math.floor(((i + 1) * authed) / readers) > Math.floor((i * authed) / readers)
      ? list[k++ % list.length]
      : null,
  );
};

const fanout = async () => {
  checkLimits();
  const measured = Math.round(rate * seconds);
  const sentAtBuffer = new SharedArrayBuffer(8 * Math.max(1, measured));
  const sentAt = new BigInt64Array(sentAtBuffer);
  const tokens = readerTokens();
  const excluding = new Set(lines(args['excluding-tokens']));
  const workerCount = Math.max(1, Math.min(Number(args.workers), readers));
  const rssBefore = sampler?.first.rssBytes ?? 0;

  const workers = Array.from({ length: workerCount }, (_, w) => {
    const progress = new SharedArrayBuffer(16);
    const mine = (_, i) => i % workerCount === w;
    const share = tokens.filter(mine);
    const worker = new Worker(new URL('./reader-worker.mjs', import.meta.url), {
      workerData: {
        transport,
        host,
        port,
        tag,
        tokens: share,
        tagCount,
        tagIndexes: tokens.map((_, i) => i % tagCount).filter(mine),
        excludes: share.map((t) => t !== null && excluding.has(t)),
        otherEvery,
        run,
        measured,
        sentAt: sentAtBuffer,
        progress,
        connectBatch: Math.max(1, Math.floor(Number(args['connect-batch']) / workerCount)),
        connectPauseMs: Number(args['connect-pause']),
      },
    });
    const next = (type) =>
      new Promise((resolve, reject) => {
        const onMessage = (m) => {
          if (m.type !== type) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(m);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
    return { worker, progress: new Int32Array(progress), connected: next('connected'), next };
  });
  const total = (i) => workers.reduce((n, w) => n + Atomics.load(w.progress, i), 0);

  const connectStarted = performance.now();
  const connected = await Promise.all(workers.map((w) => w.connected));
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const open = total(0);
  const connectErrors = {};
  for (const c of connected)
    for (const [k, v] of Object.entries(c.errors)) connectErrors[k] = (connectErrors[k] ?? 0) + v;
  const rssConnected = sampler?.sample().rssBytes ?? 0;

  const publisher = createPublisher({ host, port, token: args.token });
  // K concurrent posters (ingest): status n is posted by poster n % K, each on its own connections.
  const posters = lines(args['poster-tokens']).map((token) =>
    createPublisher({ host, port, token, maxSockets: Number(args['poster-sockets']) }),
  );
  const other = otherToken ? createPublisher({ host, port, token: otherToken }) : null;
  const mentions = lines(args.mentions);
  const textOf = (n, warmup) =>
    `${markerText(run, n, warmup)} #${tagOf(n)}${mentions.length ? ` @${mentions[n % mentions.length]}` : ''}`;
  const postOf = (n, warmup) => {
    if (!warmup && other && fromOther(n)) return other;
    return posters.length ? posters[n % posters.length] : publisher;
  };

  // Warm-up: publish until every open reader has seen a status of this run (so a lost
  // status means lost, not "subscribed late"), for at least `--warmup` seconds.
  let warm = 0;
  if (warmupSeconds > 0 && open > 0) {
    const until = performance.now() + warmupSeconds * 1000;
    const cap = until + 15_000;
    await publishAtRate({
      count: Number.MAX_SAFE_INTEGER,
      rate,
      send: (i) => {
        warm++;
        return postOf(i, true).post(textOf(i, true));
      },
      stop: () => performance.now() > cap || (performance.now() > until && total(1) >= open - total(3)),
    });
  }
  const readersReady = total(1);

  const cpuStart = sampler?.sample().cpuSeconds ?? 0;
  const loadCpuStart = process.cpuUsage();
  const measureStarted = performance.now();
  const results = await publishAtRate({
    count: measured,
    rate,
    send: (i) =>
      postOf(i, false).post(textOf(i, false), () => Atomics.store(sentAt, i, process.hrtime.bigint())),
  });
  const publishSeconds = (performance.now() - measureStarted) / 1000;
  const published = Uint8Array.from(results, (r) => (r.ok ? 1 : 0));
  const okCount = published.reduce((n, v) => n + v, 0);
  const expectedCells = (
    await Promise.all(
      workers.map((w) => {
        const answer = w.next('expected');
        w.worker.postMessage({ type: 'expect', published });
        return answer;
      }),
    )
  ).reduce((n, m) => n + m.cells, 0);
  const drainUntil = performance.now() + drainSeconds * 1000;
  while (total(2) < expectedCells && performance.now() < drainUntil) await sleep(20);
  const wallSeconds = (performance.now() - measureStarted) / 1000;
  const cpuEnd = sampler?.sample().cpuSeconds ?? 0;
  const loadCpu = process.cpuUsage(loadCpuStart);
  publisher.close();
  other?.close();
  for (const p of posters) p.close();

  const parts = await Promise.all(
    workers.map((w) => {
      const result = w.next('result');
      w.worker.postMessage({ type: 'finish', published });
      return result;
    }),
  );
  await Promise.all(workers.map((w) => w.worker.terminate()));
  const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
  const delivered = sum('delivered');
  const expected = sum('expectedCells');
  const latency = summarize(concatSamples(parts.map((p) => p.latencies)), 1e-3);
  const serverCpu = cpuEnd - cpuStart;
  return {
    mode: 'fanout',
    target: url.origin,
    transport,
    tag,
    readers,
    rate,
    seconds,
    tags: tagCount,
    posters: posters.length || 1,
    connect: { open, failed: readers - open, seconds: round(connectSeconds), errors: connectErrors },
    readersReady,
    warmupStatuses: warm,
    published: {
      attempted: measured,
      ok: okCount,
      failed: measured - okCount,
      statuses: [...new Set(results.filter((r) => !r.ok).map((r) => r.status))],
      seconds: round(publishSeconds),
      perSecond: round(okCount / publishSeconds, 1),
      postLatencyMs: summarize(
        Float64Array.from(results, (r) => r.ms),
        1,
      ),
    },
    expected,
    delivered,
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    leaked: sum('leaked'),
    unexpected: sum('unexpected'),
    deliveredPct: expected ? round((delivered / expected) * 100, 3) : 0,
    disconnects: total(3),
    latencyMs: latency,
    server: sampler
      ? {
          pid,
          cpuSeconds: round(serverCpu),
          wallSeconds: round(wallSeconds),
          cpuPct: round((serverCpu / wallSeconds) * 100, 1),
          usPerDelivery: delivered ? round((serverCpu * 1e6) / delivered) : null,
          rssBeforeMB: mb(rssBefore),
          rssConnectedMB: mb(rssConnected),
          rssPeakMB: mb(sampler.peak()),
          kbPerReader: open ? round((rssConnected - rssBefore) / 1024 / open) : null,
        }
      : null,
    load: { cpuSeconds: round((loadCpu.user + loadCpu.system) / 1e6) },
  };
};

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const history = async () => {
  const cpu = () => sampler?.sample().cpuSeconds ?? 0;
  const result = await readHistory({
    host,
    port,
    tag,
    token: args.token,
    seconds,
    concurrency: Number(args.concurrency),
    acceptEncoding: args['accept-encoding'],
    seed: 40,
    cpu,
  });
  return {
    mode: 'history',
    target: url.origin,
    tag,
    seconds,
    ...result,
    server: sampler
      ? {
          pid,
          cpuSeconds: round(result.cpuSeconds),
          usPerRequest: result.ok ? round((result.cpuSeconds * 1e6) / result.ok) : null,
          rssPeakMB: mb(sampler.peak()),
        }
      : null,
  };
};

const resume = async () => {
  const result = await measureResume({
    host,
    port,
    tag,
    token: args.token,
    run,
    missed: Number(args.missed),
    rounds: Number(args.rounds),
  });
  return { mode: 'resume', target: url.origin, tag, ...result };
};

const idle = async () => {
  checkLimits();
  const result = await measureIdle({
    host,
    port,
    tag,
    readers,
    settleSeconds: Number(args.settle),
    connectBatch: Number(args['connect-batch']),
    connectPauseMs: Number(args['connect-pause']),
    rss: () => sampler?.sample().rssBytes ?? 0,
  });
  return {
    mode: 'idle',
    target: url.origin,
    tag,
    readers,
    ...result,
    server: sampler ? { pid, rssPeakMB: mb(sampler.peak()) } : null,
  };
};

const human = (r) =>
  r.mode === 'resume'
    ? `resume ${r.target}: ${r.missed} missed events caught up in ${r.catchUpMs?.p50} ms (median of ${r.rounds}, max ${r.catchUpMs?.max} ms), ${r.complete}/${r.rounds} complete`
    : r.mode === 'idle'
      ? `idle ${r.target}: ${r.open} idle SSE readers, ${r.kbPerReader} KB each (marginal ${r.kbPerReaderMarginal} KB)`
      : r.mode === 'history'
        ? `history ${r.target}: ${r.ok} reads (${r.requestsPerSecond}/s), p50 ${r.latencyMs?.p50} ms, p99 ${r.latencyMs?.p99} ms` +
          (r.server ? `, server ${r.server.cpuSeconds} CPU s, ${r.server.usPerRequest} µs/read` : '') +
          (r.stale ? `, STALE ${r.stale} of 3` : '')
        : `${r.transport} ${r.target} ${r.readers}×${r.rate}/s×${r.seconds}s: delivered ${r.delivered}/${r.expected}` +
          ` (${r.deliveredPct}%), lost ${r.lost}, dup ${r.duplicated}${r.leaked ? `, LEAKED ${r.leaked}` : ''}, p50 ${r.latencyMs?.p50} ms, p99 ${r.latencyMs?.p99} ms` +
          (r.server
            ? `, server ${r.server.cpuSeconds} CPU s (${r.server.cpuPct}%), ${r.server.usPerDelivery} µs/delivery, peak ${r.server.rssPeakMB} MB`
            : '');

try {
  const modes = { history, resume, idle, fanout };
  const mode = modes[args.mode];
  if (!mode) throw new Error(`unknown --mode ${args.mode} (fanout, history, resume, idle)`);
  const result = await mode();
  sampler?.stop();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`${human(result)}\n`);
} catch (err) {
  sampler?.stop();
  process.stderr.write(`load failed: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
}
