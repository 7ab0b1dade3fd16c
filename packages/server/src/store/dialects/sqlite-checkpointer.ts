import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread.
 *
 * Left to SQLite, the connection whose commit pushes the WAL past 1,000 pages runs the
 * checkpoint itself: the event loop then stalls while megabytes are copied and the file is
 * synced. Under a busy room that was half the time spent committing (docs/performance.md,
 * change 8). Here a worker with its own connection runs a PASSIVE checkpoint (never blocks the
 * writer or readers) every `intervalMs`; the main connection keeps a far larger automatic
 * threshold only as a safety net, should the worker be gone.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;
  private closing: Promise<void> | null = null;
  /** True once the worker has loaded the driver and opened the file; false if it failed first. */
  readonly ready: Promise<boolean>;

  constructor(file: string, intervalMs = 100) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
    this.worker.unref();
    // A checkpoint that fails (disk full, file gone) leaves the WAL to the safety net.
    this.worker.on('error', () => {});
    this.ready = new Promise<boolean>((resolve) => {
      this.worker.once('message', () => resolve(true));
      this.worker.once('error', () => resolve(false));
      this.worker.once('exit', () => resolve(false));
    });
  }

  /** Stops the worker; every call returns the same promise, settled once the thread is gone. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // Terminated while it loads better-sqlite3, the worker's N-API calls fail inside the
      // addon's initialisation and Node aborts the whole process (seen once in the suite: a store
      // opened and closed at once). So let it finish loading, then stop it.
      this.worker.ref();
      await this.ready;
      await this.worker.terminate();
    })();
    return this.closing;
  }
}

/** The main connection checkpoints by itself only past this many WAL pages (~64 MB). */
export const SAFETY_NET_WAL_PAGES = 16384;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 100');
// Keep the WAL file from staying at its largest size once it restarts from the beginning.
db.pragma('journal_size_limit = 67108864');
require('node:worker_threads').parentPort.postMessage('ready');
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: next tick */ }
}, workerData.intervalMs);
`;
