import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, PollOptionsTable, PollsTable } from './schema';

export type PollRow = Selectable<PollsTable>;
export type PollOptionRow = Selectable<PollOptionsTable>;

/** A poll with its options in order, and the viewer's choices (null: no viewer, or no vote). */
export interface PollView {
  poll: PollRow;
  options: PollOptionRow[];
  ownVotes: number[] | null;
}

export async function insertPoll(
  db: Kysely<Database>,
  p: {
    statusId: number;
    accountId: number;
    options: string[];
    expiresAt: number;
    multiple: boolean;
    hideTotals: boolean;
  },
  now: number,
): Promise<PollView> {
  const poll = await db
    .insertInto('polls')
    .values({
      status_id: p.statusId,
      account_id: p.accountId,
      expires_at: p.expiresAt,
      multiple: p.multiple ? 1 : 0,
      hide_totals: p.hideTotals ? 1 : 0,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const options = await db
    .insertInto('poll_options')
    .values(p.options.map((title, position) => ({ poll_id: poll.id, position, title })))
    .returningAll()
    .execute();
  return { poll, options: options.sort((a, b) => a.position - b.position), ownVotes: null };
}

export function findPoll(db: Kysely<Database>, id: number): Promise<PollRow | undefined> {
  return db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The polls of these statuses, by status id, with `viewerId`'s votes when given. */
export async function pollsForStatuses(
  db: Kysely<Database>,
  statusIds: number[],
  viewerId: number | null,
): Promise<Map<number, PollView>> {
  if (statusIds.length === 0) return new Map();
  const polls = await db.selectFrom('polls').selectAll().where('status_id', 'in', statusIds).execute();
  return withOptions(db, polls, viewerId);
}

/**
 * The polls of a session's visible room statuses, by status id, as anyone sees them (for its
 * transcript and recap): one query by session, however long the room, rather than its ids.
 */
export async function pollsOfSession(
  db: Kysely<Database>,
  sessionId: number,
): Promise<Map<number, PollView>> {
  const polls = await db
    .selectFrom('polls as p')
    .innerJoin('session_statuses as ss', 'ss.status_id', 'p.status_id')
    .selectAll('p')
    .where('ss.session_id', '=', sessionId)
    .where('ss.room_state', '=', 'visible')
    .execute();
  return withOptions(db, polls, null);
}

async function withOptions(
  db: Kysely<Database>,
  polls: PollRow[],
  viewerId: number | null,
): Promise<Map<number, PollView>> {
  const out = new Map<number, PollView>();
  if (polls.length === 0) return out;
  const pollIds = polls.map((p) => p.id);
  const [options, own] = await Promise.all([
    db
      .selectFrom('poll_options')
      .selectAll()
      .where('poll_id', 'in', pollIds)
      .orderBy('poll_id')
      .orderBy('position')
      .execute(),
    viewerId === null ? new Map<number, number[]>() : ownPollVotes(db, pollIds, viewerId),
  ]);
  for (const p of polls) {
    out.set(Number(p.status_id), {
      poll: p,
      options: options.filter((o) => Number(o.poll_id) === Number(p.id)),
      ownVotes: own.get(Number(p.id)) ?? null,
    });
  }
  return out;
}

/** The viewer's choices on each of these polls they voted on, by poll id. */
export async function ownPollVotes(
  db: Kysely<Database>,
  pollIds: number[],
  viewerId: number,
): Promise<Map<number, number[]>> {
  if (pollIds.length === 0) return new Map();
  const votes = await db
    .selectFrom('poll_votes')
    .select(['poll_id', 'choices'])
    .where('poll_id', 'in', pollIds)
    .where('account_id', '=', viewerId)
    .execute();
  return new Map(votes.map((v) => [Number(v.poll_id), v.choices.split(',').map(Number)]));
}

/**
 * Records one account's vote and counts it. The vote's primary key (poll, account) makes a
 * second vote, however close, fail with a unique violation: the caller's "already voted".
 * Returns the poll and the options it counted, as they are now (to present without reading back).
 */
export async function recordVote(
  db: Kysely<Database>,
  pollId: number,
  accountId: number,
  choices: number[],
  now: number,
): Promise<{ poll: PollRow; counted: PollOptionRow[] }> {
  await db
    .insertInto('poll_votes')
    .values({ poll_id: pollId, account_id: accountId, choices: choices.join(','), created_at: now })
    .execute();
  const counted = await db
    .updateTable('poll_options')
    .set({ votes_count: sql`votes_count + 1` })
    .where('poll_id', '=', pollId)
    .where('position', 'in', choices)
    .returningAll()
    .execute();
  const poll = await db
    .updateTable('polls')
    .set({ votes_count: sql`votes_count + ${choices.length}`, voters_count: sql`voters_count + 1` })
    .where('id', '=', pollId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { poll, counted };
}

/** The accounts that voted in a poll. */
export async function voterIds(db: Kysely<Database>, pollId: number): Promise<number[]> {
  const rows = await db.selectFrom('poll_votes').select('account_id').where('poll_id', '=', pollId).execute();
  return rows.map((r) => Number(r.account_id));
}
