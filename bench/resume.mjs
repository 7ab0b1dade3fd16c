// The resume scenario: a reader sees one status and goes away; `missed` statuses are published
// meanwhile; it reconnects with `Last-Event-ID` and we time how long until it has every one of
// them (connect, catch-up from the server's store, transfer). Repeated `rounds` times.
import { markerPrefix, markerText, scanMarker, WARMUP } from './marker.mjs';
import { summarize } from './percentiles.mjs';
import { createPublisher } from './publisher.mjs';
import { openSseReader } from './sse-reader.mjs';

const ID_FIELD = Buffer.from('id: ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The `id:` of the SSE event in buf[start, end), or null. */
const eventId = (buf, start, end) => {
  const at = buf.indexOf(ID_FIELD, start);
  if (at === -1 || at >= end) return null;
  const nl = buf.indexOf(10, at);
  return buf.toString('latin1', at + ID_FIELD.length, nl === -1 || nl > end ? end : nl);
};

/**
 * @param {{ host: string, port: number, tag: string, token: string, run: string, missed: number,
 *   rounds: number, timeoutMs?: number }} options
 */
export const measureResume = async ({ host, port, tag, token, run, missed, rounds, timeoutMs = 20_000 }) => {
  const publisher = createPublisher({ host, port, token, maxSockets: 16 });
  const path = `/api/v1/streaming/hashtag?tag=${encodeURIComponent(tag)}`;
  const prefix = markerPrefix(run);
  const times = [];
  const publishSeconds = [];
  let complete = 0;
  let duplicated = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      // 1. A reader that has seen a status of this run, and the id it would resume from.
      let lastId = null;
      const first = await openSseReader({
        host,
        port,
        path,
        onEvent: (buf, start, end) => {
          if (scanMarker(buf, start, end, prefix) === WARMUP) lastId ??= eventId(buf, start, end);
        },
        onClose: () => {},
      });
      for (let tries = 0; lastId === null && tries < 50; tries++) {
        await publisher.post(`${markerText(run, round, true)} #${tag}`);
        for (let i = 0; lastId === null && i < 10; i++) await sleep(20);
      }
      first.close();
      if (lastId === null) throw new Error('the first reader saw no status');

      // 2. What it misses while away, `missed` statuses, 16 at a time.
      const from = round * missed;
      const started = performance.now();
      for (let i = 0; i < missed; i += 16) {
        const batch = [];
        for (let n = from + i; n < from + Math.min(missed, i + 16); n++)
          batch.push(publisher.post(`${markerText(run, n)} #${tag}`));
        const results = await Promise.all(batch);
        if (results.some((r) => !r.ok)) throw new Error(`POST failed: ${results.find((r) => !r.ok).status}`);
      }
      publishSeconds.push((performance.now() - started) / 1000);

      // 3. Back with Last-Event-ID: time until every missed status has arrived.
      const seen = new Uint8Array(missed);
      let count = 0;
      let done = () => {};
      const all = new Promise((resolve) => {
        done = resolve;
      });
      const t0 = performance.now();
      const again = await openSseReader({
        host,
        port,
        path,
        lastEventId: lastId,
        onEvent: (buf, start, end) => {
          const n = scanMarker(buf, start, end, prefix) - from;
          if (n < 0 || n >= missed) return;
          if (seen[n]) duplicated++;
          else {
            seen[n] = 1;
            if (++count === missed) done();
          }
        },
        onClose: () => {},
      });
      // The timer is cleared once every status is in, or it would keep the process alive.
      let timer;
      const ok = await Promise.race([
        all.then(() => true),
        new Promise((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      const ms = performance.now() - t0;
      again.close();
      if (ok) {
        complete++;
        times.push(ms);
      }
    }
  } finally {
    publisher.close();
  }
  return {
    missed,
    rounds,
    complete,
    duplicated,
    catchUpMs: summarize(Float64Array.from(times), 1),
    publishSecondsPerRound: summarize(Float64Array.from(publishSeconds), 1),
  };
};
