// Memory per idle reader: open N/2 anonymous SSE readers, let the server settle, sample its RSS,
// open N/2 more, settle, sample again. KB per reader over all N, and the marginal figure over
// the second half (free of one-off costs such as the first connections' code and buffers).
import { Worker } from 'node:worker_threads';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens `count` idle SSE readers in a worker thread; resolves with the worker once they are open. */
const openReaders = (options, count) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./reader-worker.mjs', import.meta.url), {
      workerData: {
        transport: 'sse',
        host: options.host,
        port: options.port,
        tag: options.tag,
        tokens: Array.from({ length: count }, () => null),
        run: 'idle',
        measured: 0,
        sentAt: new SharedArrayBuffer(8),
        progress: new SharedArrayBuffer(16),
        connectBatch: options.connectBatch,
        connectPauseMs: options.connectPauseMs,
      },
    });
    worker.on('message', (m) => {
      if (m.type === 'connected') resolve({ worker, open: m.open, failed: m.failed });
    });
    worker.once('error', reject);
  });

/**
 * @param {{ host: string, port: number, tag: string, readers: number, settleSeconds: number,
 *   connectBatch: number, connectPauseMs: number, rss: () => number }} options
 */
export const measureIdle = async (options) => {
  const kb = (bytes, n) => (n > 0 ? Math.round((bytes / 1024 / n) * 100) / 100 : null);
  const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  const before = options.rss();
  const first = await openReaders(options, Math.floor(options.readers / 2));
  await sleep(options.settleSeconds * 1000);
  const half = options.rss();
  const second = await openReaders(options, options.readers - Math.floor(options.readers / 2));
  await sleep(options.settleSeconds * 1000);
  const after = options.rss();
  await Promise.all([first.worker.terminate(), second.worker.terminate()]);
  const open = first.open + second.open;
  return {
    open,
    failed: first.failed + second.failed,
    rssBeforeMB: mb(before),
    rssHalfMB: mb(half),
    rssAfterMB: mb(after),
    kbPerReader: kb(after - before, open),
    kbPerReaderMarginal: kb(after - half, second.open),
  };
};
