import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, SubmissionState, SubmissionsTable } from './schema';

export type SubmissionRow = Selectable<SubmissionsTable>;

export const findSubmission = (db: Kysely<Database>, id: number) =>
  db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertSubmission(
  db: Kysely<Database>,
  row: Insertable<SubmissionsTable>,
): Promise<SubmissionRow> {
  return db.insertInto('submissions').values(row).returningAll().executeTakeFirstOrThrow();
}

export type SubmissionSort = 'votes' | 'newest' | 'unanswered';

export interface SubmissionQuery {
  sessionId: number;
  sort: SubmissionSort;
  /** States to list; merged submissions are never listed. */
  states: SubmissionState[];
  /** Also lists this account's own submissions in any state (an asker sees their pending question). */
  ownerId: number | null;
  /** Keyset: after this (votes_count, id) for `votes`/`unanswered`, below this id for `newest`. */
  cursor: { votes: number; id: number } | null;
  limit: number;
}

export function listSubmissions(db: Kysely<Database>, q: SubmissionQuery) {
  let sel = db
    .selectFrom('submissions')
    .selectAll()
    .where('session_id', '=', q.sessionId)
    .where('merged_into_id', 'is', null);
  const states: SubmissionState[] =
    q.sort === 'unanswered' ? q.states.filter((s) => s !== 'answered' && s !== 'dismissed') : q.states;
  sel = sel.where((eb) => {
    const inStates = eb('state', 'in', states.length > 0 ? states : ['approved']);
    return q.ownerId === null || q.sort === 'unanswered'
      ? inStates
      : eb.or([inStates, eb('account_id', '=', q.ownerId)]);
  });
  if (q.sort === 'newest') {
    if (q.cursor) sel = sel.where('id', '<', q.cursor.id);
    return sel.orderBy('id', 'desc').limit(q.limit).execute();
  }
  if (q.cursor) {
    const { votes, id } = q.cursor;
    sel = sel.where((eb) =>
      eb.or([eb('votes_count', '<', votes), eb.and([eb('votes_count', '=', votes), eb('id', '<', id)])]),
    );
  }
  return sel.orderBy('votes_count', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

/** Which of `ids` the viewer voted for. */
export async function votedBy(db: Kysely<Database>, viewerId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('submission_votes')
    .select('submission_id')
    .where('account_id', '=', viewerId)
    .where('submission_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => Number(r.submission_id)));
}

/**
 * Adds one vote. The primary key (submission, account) keeps a second vote (even a concurrent
 * one) out, and the counters move only when a row went in. Returns whether it did.
 */
export async function addVote(
  db: Kysely<Database>,
  submissionId: number,
  accountId: number,
  newAccount: boolean,
  now: number,
): Promise<boolean> {
  const res = await db
    .insertInto('submission_votes')
    .values({
      submission_id: submissionId,
      account_id: accountId,
      new_account: newAccount ? 1 : 0,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['submission_id', 'account_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .updateTable('submissions')
    .set({
      votes_count: sql`votes_count + 1`,
      new_account_votes_count: sql`new_account_votes_count + ${newAccount ? 1 : 0}`,
    })
    .where('id', '=', submissionId)
    .execute();
  return true;
}

export async function removeVote(
  db: Kysely<Database>,
  submissionId: number,
  accountId: number,
): Promise<boolean> {
  const gone = await db
    .deleteFrom('submission_votes')
    .where('submission_id', '=', submissionId)
    .where('account_id', '=', accountId)
    .returning('new_account')
    .executeTakeFirst();
  if (!gone) return false;
  const fresh = Number(gone.new_account);
  await db
    .updateTable('submissions')
    .set({
      votes_count: sql`CASE WHEN votes_count > 0 THEN votes_count - 1 ELSE 0 END`,
      new_account_votes_count: sql`CASE WHEN new_account_votes_count >= ${fresh} THEN new_account_votes_count - ${fresh} ELSE 0 END`,
    })
    .where('id', '=', submissionId)
    .execute();
  return true;
}

/** Copies the votes of `fromIds` onto `intoId` (a voter counts once) and recounts it. */
export async function combineVotes(db: Kysely<Database>, fromIds: number[], intoId: number): Promise<void> {
  if (fromIds.length > 0) {
    await db
      .insertInto('submission_votes')
      .columns(['submission_id', 'account_id', 'new_account', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('submission_votes')
          .select([
            sql<number>`CAST(${intoId} AS BIGINT)`.as('submission_id'),
            'account_id',
            'new_account',
            'created_at',
          ])
          .where('submission_id', 'in', fromIds),
      )
      .onConflict((oc) => oc.columns(['submission_id', 'account_id']).doNothing())
      .execute();
  }
  await recount(db, intoId);
}

export async function recount(db: Kysely<Database>, id: number): Promise<void> {
  const row = await db
    .selectFrom('submission_votes')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('new_account').as('fresh')])
    .where('submission_id', '=', id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('submissions')
    .set({ votes_count: Number(row.n), new_account_votes_count: Number(row.fresh ?? 0) })
    .where('id', '=', id)
    .execute();
}

/** Submissions merged into `id` (their askers share its answer). */
export function mergedInto(db: Kysely<Database>, id: number) {
  return db.selectFrom('submissions').select(['id', 'account_id']).where('merged_into_id', '=', id).execute();
}

export async function updateSubmission(db: Kysely<Database>, id: number, set: Updateable<SubmissionsTable>) {
  await db.updateTable('submissions').set(set).where('id', '=', id).execute();
}

/** The session's questions being answered now, but for `exceptId`. */
export async function answeringSubmissionIds(db: Kysely<Database>, sessionId: number, exceptId: number) {
  const rows = await db
    .selectFrom('submissions')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('state', '=', 'answering')
    .where('id', '!=', exceptId)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Marks these questions merged into `intoId`. */
export async function markMerged(db: Kysely<Database>, ids: number[], intoId: number, now: number) {
  await db
    .updateTable('submissions')
    .set({ merged_into_id: intoId, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

/** A session's questions waiting for review, oldest first. */
export const pendingSubmissionRows = (db: Kysely<Database>, sessionId: number, limit: number) =>
  db
    .selectFrom('submissions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('state', '=', 'pending')
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();

/** The town-hall submissions a status is (a remote Like of that status is a vote for them). */
export const submissionsOfStatus = (db: Kysely<Database>, statusId: number) =>
  db.selectFrom('submissions').select(['id', 'state']).where('status_id', '=', statusId).execute();
