import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for SQLite's single writer. Whatever queued while the connection was busy (with
 * the previous transaction or with other requests' reads) shares the next transaction, each
 * piece in its own savepoint, so a busy room pays one commit (WAL write, full-text index flush)
 * for many statuses instead of one each. A piece that throws is rolled back to its savepoint
 * alone; every caller hears back only after the commit (write, then publish), and if the commit
 * fails they all get its error. A piece that finds nothing else queued runs with no savepoint.
 */
export class WriteBatcher {
  private readonly queue: Job[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 64,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      // Let requests already under way finish their reads and queue their writes first: their
      // reads are synchronous SQLite calls strung on promises, done before the next macrotask.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) await this.write();
    } finally {
      this.running = false;
    }
  }

  /** One transaction for what is queued once it has the connection. */
  private async write(): Promise<void> {
    let batch: Job[] = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        batch = this.queue.splice(0, this.maxBatch);
        if (batch.length === 1) {
          outcomes.push({ ok: true, value: await batch[0].work(trx) });
          return;
        }
        for (const [i, job] of batch.entries()) {
          const name = sql.raw(`hc_write_${i}`);
          await sql`savepoint ${name}`.execute(trx);
          try {
            const value = await job.work(trx);
            await sql`release savepoint ${name}`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint ${name}`.execute(trx);
            await sql`release savepoint ${name}`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    for (const [i, job] of batch.entries()) {
      const o = outcomes[i];
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    }
  }
}
