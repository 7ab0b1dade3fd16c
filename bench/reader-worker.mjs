// A worker thread holding a share of the readers. It opens them in paced batches, counts
// every delivery of every measured status per reader, and records the latency of each first
// delivery: its receive time minus the time the publisher issued the POST (both on the same
// monotonic clock, shared through `sentAt`).
//
// Which reader should get which status: with `tagCount` > 1, reader r reads hashtag
// `<tag><tagIndexes[r]>` and measured status n goes to `<tag><n % tagCount>`; with
// `otherEvery` > 0, status n where n % otherEvery === otherEvery - 1 comes from an account that
// the readers flagged in `excludes` block or mute, so they must not get it (a copy that
// reaches them counts as `leaked`).
import { parentPort, workerData } from 'node:worker_threads';
import { markerPrefix, NO_MARKER, scanMarker, WARMUP } from './marker.mjs';
import { openSseReader } from './sse-reader.mjs';
import { openWsReader } from './ws-reader.mjs';

const { transport, host, port, tag, tokens, run, measured, connectBatch, connectPauseMs } = workerData;
const tagCount = workerData.tagCount ?? 1;
const tagIndexes = workerData.tagIndexes ?? tokens.map(() => 0);
const excludes = workerData.excludes ?? tokens.map(() => false);
const otherEvery = workerData.otherEvery ?? 0;
const readerCount = tokens.length;
const readerTag = (reader) => (tagCount > 1 ? `${tag}${tagIndexes[reader]}` : tag);
const fromOther = (n) => otherEvery > 0 && n % otherEvery === otherEvery - 1;
/** Whether reader should get measured status n (if published). */
const wanted = (reader, n) =>
  (tagCount <= 1 || n % tagCount === tagIndexes[reader]) && !(excludes[reader] && fromOther(n));
const prefix = markerPrefix(run);
const sentAt = new BigInt64Array(workerData.sentAt);
/** [open, ready (saw a status of this run), delivered measured (first deliveries), disconnects] */
const progress = new Int32Array(workerData.progress);

const counts = new Uint8Array(readerCount * measured);
const latenciesUs = new Uint32Array(readerCount * Math.ceil(measured / Math.max(1, tagCount)));
let latencyCount = 0;
let unexpected = 0;
let finishing = false;
const ready = new Uint8Array(readerCount);
const opened = new Uint8Array(readerCount);
const connections = [];

const UPDATE_SSE = Buffer.from('event: update\n');
const UPDATE_WS = Buffer.from('"event":"update"');

const record = (reader, buf, start, end, now) => {
  const n = scanMarker(buf, start, end, prefix);
  if (n === NO_MARKER) return;
  if (!ready[reader]) {
    ready[reader] = 1;
    Atomics.add(progress, 1, 1);
  }
  if (n === WARMUP) return;
  if (n >= measured) {
    unexpected++;
    return;
  }
  const cell = reader * measured + n;
  const c = counts[cell];
  if (c === 0 && wanted(reader, n)) {
    const sent = Atomics.load(sentAt, n);
    if (sent > 0n) latenciesUs[latencyCount++] = Number((now - sent) / 1000n);
    Atomics.add(progress, 2, 1);
  }
  if (c < 255) counts[cell] = c + 1;
};

const onClose = () => {
  if (!finishing) Atomics.add(progress, 3, 1);
};

const openSse = (reader) =>
  openSseReader({
    host,
    port,
    path: `/api/v1/streaming/hashtag?tag=${encodeURIComponent(readerTag(reader))}`,
    token: tokens[reader],
    onEvent: (buf, start, end, now) => {
      const at = buf.indexOf(UPDATE_SSE, start);
      if (at !== -1 && at < end) record(reader, buf, start, end, now);
    },
    onClose,
  });

const openWs = (reader) =>
  openWsReader({
    host,
    port,
    path: '/api/v1/streaming',
    token: tokens[reader],
    subscribe: JSON.stringify({ type: 'subscribe', stream: 'hashtag', tag: readerTag(reader) }),
    onMessage: (buf, start, end, now) => {
      const at = buf.indexOf(UPDATE_WS, start);
      if (at !== -1 && at < end) record(reader, buf, start, end, now);
    },
    onClose,
  });

const connectAll = async () => {
  const open = transport === 'ws' ? openWs : openSse;
  const errors = new Map();
  let failed = 0;
  for (let first = 0; first < readerCount; first += connectBatch) {
    const batch = [];
    for (let r = first; r < Math.min(first + connectBatch, readerCount); r++) batch.push(open(r));
    const results = await Promise.allSettled(batch);
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') {
        opened[first + i] = 1;
        connections.push(result.value);
        Atomics.add(progress, 0, 1);
      } else {
        failed++;
        const key = String(result.reason?.code ?? result.reason?.message ?? result.reason);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
    if (connectPauseMs) await new Promise((r) => setTimeout(r, connectPauseMs));
  }
  parentPort.postMessage({
    type: 'connected',
    open: connections.length,
    failed,
    errors: Object.fromEntries(errors),
  });
};

/** (reader, status) pairs that should be delivered, given which statuses were published. */
const expectedCells = (published) => {
  let n = 0;
  for (let reader = 0; reader < readerCount; reader++) {
    if (!opened[reader]) continue;
    for (let i = 0; i < measured; i++) if (published[i] && wanted(reader, i)) n++;
  }
  return n;
};

const finish = (published) => {
  finishing = true;
  for (const c of connections) c.close();
  let delivered = 0;
  let duplicated = 0;
  let lost = 0;
  let leaked = 0;
  let expected = 0;
  for (let reader = 0; reader < readerCount; reader++) {
    if (!opened[reader]) continue;
    const base = reader * measured;
    for (let n = 0; n < measured; n++) {
      const c = counts[base + n];
      if (!published[n]) {
        if (c > 0) unexpected += c;
      } else if (wanted(reader, n)) {
        if (c > 0) delivered++;
        else lost++;
        expected++;
      } else if (c > 0) {
        if (excludes[reader] && fromOther(n)) leaked += c;
        else unexpected += c;
        continue;
      }
      if (c > 1) duplicated += c - 1;
    }
  }
  const latencies = latenciesUs.slice(0, latencyCount);
  parentPort.postMessage(
    { type: 'result', delivered, duplicated, lost, leaked, expectedCells: expected, unexpected, latencies },
    [latencies.buffer],
  );
};

parentPort.on('message', (msg) => {
  if (msg.type === 'expect')
    parentPort.postMessage({ type: 'expected', cells: expectedCells(msg.published) });
  if (msg.type === 'finish') finish(msg.published);
});
connectAll();
