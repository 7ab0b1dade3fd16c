// Join storm: N people arrive within `--arrival` seconds of a live session's start. Each loads
// what the web app loads to show a live room (the chat by its hashtag, the tag, the room's first
// page, the live state, the agenda) and opens the session's stream
// (`/api/v1/streaming/chat?session_id=`), while the host publishes Q1 and a poster sends
// `--rate` statuses a second. Works against Hashchat and against bench/baseline.mjs.
//
//   node bench/join-storm.mjs --url http://127.0.0.1:<port> --pid <server pid> --readers 1000
//                             [--arrival 10] [--rate 20] [--after 5] [--sockets 128]
// The JSON result goes to stdout, one human line to stderr.
//
// Figures: room shown = arrival → every room request answered (all five); first live event =
// arrival → the first event (not a comment) on its stream; delivered % = statuses a reader got ÷
// statuses whose POST was issued after its first live event (so it was surely subscribed), or
// after its arrival when its stream never carried an event (refused or reset: it got none);
// server CPU per join = server CPU from the first arrival to the last room shown ÷ readers (it
// includes the fan-out of the statuses meanwhile). Also: stream open = arrival → the stream's
// 200 headers; status latency = POST issued → a reader parsed the status (first copies).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBenchAccounts } from './hashchat-client.mjs';
import { markerPrefix, markerText, NO_MARKER, scanMarker } from './marker.mjs';
import { summarize } from './percentiles.mjs';
import { processTree, sampleProcess } from './proc-stats.mjs';
import { openSseReader } from './sse-reader.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** One JSON request on the shared keep-alive agent; resolves with the status code and parsed body. */
const request = (agent, base, method, path, body, token) =>
  new Promise((resolve, reject) => {
    const text = body ? JSON.stringify(body) : null;
    const req = http.request(
      {
        agent,
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
          let parsed = null;
          try {
            parsed = raw ? JSON.parse(raw) : null;
          } catch {}
          resolve({ status: res.statusCode ?? 0, body: parsed, bytes: raw.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text ?? undefined);
  });

/** A host's chat on a fresh hashtag with a session that is live, one question on its agenda, and a poster. */
const setUpSession = async (call, url) => {
  const [host, poster] = await createBenchAccounts(url, 2);
  const hashtag = `join${randomBytes(3).toString('hex')}`;
  const ok = async (method, path, body, token) => {
    const res = await call(method, path, body, token);
    if (res.status !== 200) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return res.body;
  };
  const chat = await ok(
    'POST',
    '/api/v1/chats',
    { hashtag, title: 'Join storm', time_zone: 'UTC' },
    host.token,
  );
  const now = Date.now();
  const session = await ok(
    'POST',
    `/api/v1/chats/${chat.id}/sessions`,
    { starts_at: new Date(now + 60_000).toISOString(), ends_at: new Date(now + 3_600_000).toISOString() },
    host.token,
  );
  const question = await ok(
    'POST',
    `/api/v1/sessions/${session.id}/questions`,
    { text: 'What brings you here?', offset_minutes: null },
    host.token,
  );
  await ok('POST', `/api/v1/sessions/${session.id}/start`, {}, host.token);
  // The host's welcome, as chats open: the hashtag then exists (GET /api/v1/tags/:name is a 404
  // for a tag no status has used, which raced the first joiners against Q1).
  await ok('POST', '/api/v1/statuses', { status: `Welcome, everyone! #${hashtag}` }, host.token);
  return { hashtag, sessionId: String(session.id), questionId: String(question.id), host, poster };
};

/** What the web app's live room reads before it shows (packages/web/src/features/room, live). */
const roomPaths = (hashtag, sessionId) => [
  `/api/v1/chats/by_tag/${hashtag}`,
  `/api/v1/tags/${hashtag}`,
  `/api/v1/sessions/${sessionId}/room?limit=40`,
  `/api/v1/sessions/${sessionId}/live`,
  `/api/v1/sessions/${sessionId}/questions`,
];

/**
 * @param {{ url: string, pid?: number | null, readers: number, arrivalSeconds: number, rate: number,
 *   afterSeconds: number, sockets: number }} options
 */
export const runJoinStorm = async (options) => {
  const base = new URL(options.url);
  if (!['127.0.0.1', 'localhost'].includes(base.hostname)) throw new Error('only 127.0.0.1 or localhost');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets });
  const call = (method, path, body, token) => request(agent, base, method, path, body, token);
  const setup = await setUpSession(call, options.url);
  const paths = roomPaths(setup.hashtag, setup.sessionId);
  const streamPath = `/api/v1/streaming/chat?session_id=${encodeURIComponent(setup.sessionId)}`;
  const run = randomBytes(3).toString('hex');
  const prefix = markerPrefix(run);
  const n = options.readers;
  const tree = options.pid ? processTree(options.pid) : null;
  const sample = () => (options.pid ? sampleProcess(options.pid, tree) : { cpuSeconds: 0, rssBytes: 0 });

  // Per reader: arrival, room shown, first live event (ms, hrtime), and which statuses it got.
  const arrivedAt = new Float64Array(n);
  const shownAt = new Float64Array(n).fill(Number.NaN);
  const firstEventAt = new Float64Array(n).fill(Number.NaN);
  const openedAt = new Float64Array(n).fill(Number.NaN);
  /** POST issued → a reader parsed it, for each first copy (ms). */
  const statusLatency = [];
  const maxStatuses = Math.ceil((options.arrivalSeconds + options.afterSeconds + 1) * options.rate) + 1;
  const seen = Array.from({ length: n }, () => new Uint8Array(maxStatuses));
  const postedAt = new Float64Array(maxStatuses).fill(Number.NaN);
  const postOk = new Uint8Array(maxStatuses);
  const failures = { room: 0, stream: 0, closed: 0, errors: {} };
  const streams = [];
  let roomBytes = 0;
  let rssPeak = sample().rssBytes;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, sample().rssBytes);
  }, 250);

  const fail = (kind, err) => {
    failures[kind]++;
    const key = err?.code ?? err?.message ?? String(err);
    failures.errors[key] = (failures.errors[key] ?? 0) + 1;
  };

  const join = async (i) => {
    arrivedAt[i] = nowMs();
    const room = Promise.all(paths.map((p) => call('GET', p))).then((answers) => {
      const bad = answers.find((a) => a.status !== 200);
      if (bad) throw new Error(`HTTP ${bad.status}`);
      roomBytes += answers.reduce((s, a) => s + a.bytes, 0);
      shownAt[i] = nowMs();
    });
    const stream = openSseReader({
      host: base.hostname,
      port: Number(base.port),
      path: streamPath,
      timeoutMs: 60_000,
      onEvent: (buf, start, end) => {
        // A block of comment lines only (`:ok`, keep-alives) is not an event.
        if (buf[start] === 0x3a && buf.indexOf('\n', start) >= end - 1) return;
        if (Number.isNaN(firstEventAt[i])) firstEventAt[i] = nowMs();
        const k = scanMarker(buf, start, end, prefix);
        if (k !== NO_MARKER && k >= 0 && k < maxStatuses && !seen[i][k]) {
          seen[i][k] = 1;
          statusLatency.push(nowMs() - postedAt[k]);
        }
      },
      onClose: () => {
        if (!Number.isNaN(openedAt[i])) failures.closed++;
      },
    }).then((s) => {
      openedAt[i] = nowMs();
      streams.push(s);
    });
    const [r, s] = await Promise.allSettled([room, stream]);
    if (r.status === 'rejected') fail('room', r.reason);
    if (s.status === 'rejected') fail('stream', s.reason);
  };

  const before = sample();
  const t0 = nowMs();
  // The host publishes Q1 a moment after the doors open; the poster keeps `rate` statuses a second.
  const q1 = sleep(200).then(() =>
    call('POST', `/api/v1/questions/${setup.questionId}/publish`, {}, setup.host.token),
  );
  const posts = [];
  const poster = (async () => {
    const total = Math.floor((options.arrivalSeconds + options.afterSeconds) * options.rate);
    for (let k = 0; k < total && k < maxStatuses; k++) {
      const due = t0 + (k * 1000) / options.rate;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      postedAt[k] = nowMs();
      posts.push(
        call(
          'POST',
          '/api/v1/statuses',
          { status: `#${setup.hashtag} ${markerText(run, k)}` },
          setup.poster.token,
        )
          .then((res) => {
            if (res.status === 200) postOk[k] = 1;
          })
          .catch(() => {}),
      );
    }
  })();
  const joins = [];
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * options.arrivalSeconds * 1000) / n;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    joins.push(join(i));
  }
  await Promise.all(joins);
  const joined = sample();
  const joinWallMs = nowMs() - t0;
  await poster;
  await Promise.all(posts);
  const q1Status = (await q1.catch(() => ({ status: 0 }))).status;
  // Let deliveries still under way arrive.
  await sleep(2000);
  const after = sample();
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, after.rssBytes);
  const closedEarly = failures.closed;
  for (const s of streams) s.close();
  agent.destroy();

  const shown = [];
  const firstEvent = [];
  const opened = [];
  let expected = 0;
  let delivered = 0;
  const perReaderPct = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(shownAt[i])) shown.push(shownAt[i] - arrivedAt[i]);
    if (!Number.isNaN(openedAt[i])) opened.push(openedAt[i] - arrivedAt[i]);
    // A reader whose stream never carried an event (refused, reset) is owed every status posted after it arrived.
    const live = !Number.isNaN(firstEventAt[i]);
    if (live) firstEvent.push(firstEventAt[i] - arrivedAt[i]);
    const from = live ? firstEventAt[i] : arrivedAt[i];
    let want = 0;
    let got = 0;
    for (let k = 0; k < maxStatuses; k++) {
      if (!postOk[k] || !(postedAt[k] > from)) continue;
      want++;
      got += seen[i][k];
    }
    expected += want;
    delivered += got;
    if (want) perReaderPct.push((got / want) * 100);
  }
  const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  const cpuJoin = joined.cpuSeconds - before.cpuSeconds;
  return {
    readers: n,
    arrivalSeconds: options.arrivalSeconds,
    rate: options.rate,
    roomShown: shown.length,
    roomShownMs: summarize(Float64Array.from(shown), 1),
    streamsOpen: opened.length,
    streamOpenMs: summarize(Float64Array.from(opened), 1),
    statusLatencyMs: summarize(Float64Array.from(statusLatency), 1),
    firstLiveEvent: firstEvent.length,
    firstLiveEventMs: summarize(Float64Array.from(firstEvent), 1),
    q1Status,
    published: { ok: postOk.reduce((a, b) => a + b, 0), issued: posts.length },
    expected,
    delivered,
    deliveredPct: expected ? round((delivered / expected) * 100) : null,
    deliveredPctMinReader: perReaderPct.length ? round(Math.min(...perReaderPct)) : null,
    roomKBPerJoin: shown.length ? round(roomBytes / 1024 / shown.length, 1) : null,
    failures: { ...failures, closed: closedEarly },
    server: options.pid
      ? {
          pid: options.pid,
          joinWallSeconds: round(joinWallMs / 1000),
          cpuSecondsJoin: round(cpuJoin),
          cpuSecondsTotal: round(after.cpuSeconds - before.cpuSeconds),
          cpuMsPerJoin: round((cpuJoin * 1000) / n, 3),
          rssBeforeMB: round(before.rssBytes / 1048576, 1),
          rssPeakMB: round(rssPeak / 1048576, 1),
        }
      : null,
  };
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      pid: { type: 'string' },
      readers: { type: 'string', default: '100' },
      arrival: { type: 'string', default: '10' },
      rate: { type: 'string', default: '20' },
      after: { type: 'string', default: '5' },
      sockets: { type: 'string', default: '128' },
    },
  });
  const result = await runJoinStorm({
    url: values.url,
    pid: values.pid ? Number(values.pid) : null,
    readers: Number(values.readers),
    arrivalSeconds: Number(values.arrival),
    rate: Number(values.rate),
    afterSeconds: Number(values.after),
    sockets: Number(values.sockets),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(
    `join storm ${result.readers}: room shown p50 ${result.roomShownMs?.p50} p99 ${result.roomShownMs?.p99} ms, first event p50 ${result.firstLiveEventMs?.p50} ms, delivered ${result.deliveredPct}%, CPU/join ${result.server?.cpuMsPerJoin} ms, peak RSS ${result.server?.rssPeakMB} MB\n`,
  );
  process.exit(0);
}
