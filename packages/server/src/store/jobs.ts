import { type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from './dialect';
import type { Database, JobsTable } from './schema';

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  kind: string;
  runAt: number;
  payload?: unknown;
  /** At most one job per key exists; enqueueing it again is a no-op (or a reschedule). */
  dedupeKey: string;
}

/** Adds a job unless one with the same dedupe key exists (whatever its state). */
export async function enqueueJob(db: Kysely<Database>, job: NewJob, now: number): Promise<void> {
  await db
    .insertInto('jobs')
    .values(jobValues(job, now))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * Adds the job or moves it to `runAt` and makes it pending again (a moved session's start).
 * A job being run right now is reset too: its runner's "done" then matches nothing and the job
 * runs again at the new time; handlers are idempotent.
 */
export async function scheduleJob(db: Kysely<Database>, job: NewJob, now: number): Promise<void> {
  await db
    .insertInto('jobs')
    .values(jobValues(job, now))
    .onConflict((oc) =>
      oc.column('dedupe_key').doUpdateSet({
        run_at: job.runAt,
        payload: JSON.stringify(job.payload ?? {}),
        state: 'pending',
        attempts: 0,
        locked_by: null,
        locked_until: null,
        last_error: null,
        done_at: null,
      }),
    )
    .execute();
}

const jobValues = (job: NewJob, now: number) => ({
  kind: job.kind,
  run_at: job.runAt,
  payload: JSON.stringify(job.payload ?? {}),
  dedupe_key: job.dedupeKey,
  state: 'pending' as const,
  attempts: 0,
  created_at: now,
});

/**
 * Claims up to `limit` due jobs for `owner` in one statement: pending ones whose time has come
 * and running ones whose lease expired (their instance died). PostgreSQL skips rows another
 * instance is claiming; SQLite has one writer, so the statement is atomic there as it is.
 */
export async function claimJobs(
  db: Kysely<Database>,
  dialect: Dialect,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<JobRow[]> {
  const lock = dialect.name === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const res = await sql<JobRow>`UPDATE jobs
    SET state = 'running', locked_by = ${owner}, locked_until = ${now + leaseMs}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (state = 'pending' AND run_at <= ${now}) OR (state = 'running' AND locked_until < ${now})
      ORDER BY run_at, id
      LIMIT ${limit}
      ${lock}
    )
    RETURNING *`.execute(db);
  return res.rows
    .map((r) => ({ ...r, id: Number(r.id), run_at: Number(r.run_at), attempts: Number(r.attempts) }))
    .sort((a, b) => a.run_at - b.run_at || a.id - b.id);
}

/** Marks a claimed job done; false when the claim was lost (lease expired and taken, or rescheduled). */
export async function completeJob(
  db: Kysely<Database>,
  id: number,
  owner: string,
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ state: 'done', done_at: now, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Puts a claimed job back to pending at `runAt` (a retry, or a recurring job's next run). */
export async function releaseJob(
  db: Kysely<Database>,
  id: number,
  owner: string,
  runAt: number,
  opts: { error?: string; resetAttempts?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: 'pending',
      run_at: runAt,
      locked_by: null,
      locked_until: null,
      ...(opts.error !== undefined ? { last_error: opts.error.slice(0, 2000) } : {}),
      ...(opts.resetAttempts ? { attempts: 0 } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .execute();
}

/** Gives up on a job after its last attempt. */
export async function failJob(
  db: Kysely<Database>,
  id: number,
  owner: string,
  error: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: 'failed',
      last_error: error.slice(0, 2000),
      done_at: now,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', owner)
    .execute();
}

/** Deletes finished jobs older than `before` (their dedupe keys are free again). */
export async function pruneJobs(db: Kysely<Database>, before: number): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed'])
    .where('done_at', '<', before)
    .execute();
}
