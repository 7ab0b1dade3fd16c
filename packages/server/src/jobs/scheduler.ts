import type { Kysely } from 'kysely';
import type { Dialect } from '../store/dialect';
import { claimJobs, completeJob, failJob, type JobRow, releaseJob } from '../store/jobs';
import type { Database } from '../store/schema';

/** What a handler may ask for: run again at a time (a recurring job), else the job is done. */
export interface JobOutcome {
  rerunAt?: number;
}

export type JobHandler = (job: JobRow, payload: Record<string, unknown>) => Promise<JobOutcome | undefined>;

export interface SchedulerOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  now: () => number;
  /** This instance's name in `locked_by`. */
  owner: string;
  pollMs: number;
  handlers: Record<string, JobHandler>;
  log: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
  /** How long a claim lasts before another instance may take the job over. */
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 20;
const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * The persistent job runner: polls the jobs table every `pollMs`, claims due jobs (safely
 * across instances), runs each once and records the outcome. A job that fell due while no
 * instance ran is simply due at the next poll. Handlers must be idempotent: a job whose
 * instance died mid-run is run again once its lease expires.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private closing = false;
  private pollWaiters: { remaining: number; resolve: () => void }[] = [];

  constructor(private readonly opts: SchedulerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Resolves once `count` whole polls have finished after this call, so every job due now has been
   * claimed and run (a poll already under way may have read the jobs table before the call, hence
   * two by default). Tests wait on it instead of sleeping.
   */
  afterPolls(count = 2): Promise<void> {
    return new Promise((resolve) => this.pollWaiters.push({ remaining: count, resolve }));
  }

  /** Claims and runs every due job now (until none is left); returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = this.opts.batchSize ?? DEFAULT_BATCH;
      const jobs = await claimJobs(
        this.opts.db,
        this.opts.dialect,
        this.opts.owner,
        this.opts.now(),
        this.opts.leaseMs ?? DEFAULT_LEASE_MS,
        batch,
      );
      for (const job of jobs) await this.run(job);
      total += jobs.length;
      if (jobs.length < batch || this.closing) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .then(() => undefined)
        .catch((err) => this.opts.log.error({ err }, 'job poll failed'))
        .finally(() => {
          this.running = null;
          this.pollWaiters = this.pollWaiters.filter((w) => {
            w.remaining -= 1;
            if (w.remaining > 0) return true;
            w.resolve();
            return false;
          });
          this.schedule(this.opts.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async run(job: JobRow): Promise<void> {
    const { db, owner, now } = this.opts;
    const handler = this.opts.handlers[job.kind];
    if (!handler) {
      await failJob(db, job.id, owner, `no handler for job kind "${job.kind}"`, now());
      return;
    }
    try {
      const outcome = await handler(job, parsePayload(job.payload));
      if (outcome?.rerunAt !== undefined)
        await releaseJob(db, job.id, owner, outcome.rerunAt, { resetAttempts: true });
      else await completeJob(db, job.id, owner, now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (job.attempts >= (this.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
        this.opts.log.error({ err, job: job.id, kind: job.kind }, 'job failed for good');
        await failJob(db, job.id, owner, message, now());
      } else {
        this.opts.log.warn({ err, job: job.id, kind: job.kind }, 'job failed; will retry');
        // Back off 2, 4, 8… seconds.
        await releaseJob(db, job.id, owner, now() + 1000 * 2 ** job.attempts, { error: message });
      }
    }
  }
}

function parsePayload(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}
