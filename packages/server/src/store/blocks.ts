import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Adds a block (idempotent); whether it is new. */
export async function insertBlock(db: Kysely<Database>, accountId: number, targetId: number, now: number) {
  const res = await db
    .insertInto('account_blocks')
    .values({ account_id: accountId, target_account_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteBlock(db: Kysely<Database>, accountId: number, targetId: number) {
  const res = await db
    .deleteFrom('account_blocks')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Adds or updates a mute (a new duration or notification choice replaces the old one). */
export async function upsertMute(
  db: Kysely<Database>,
  m: { accountId: number; targetId: number; notifications: boolean; expiresAt: number | null },
  now: number,
) {
  await db
    .insertInto('account_mutes')
    .values({
      account_id: m.accountId,
      target_account_id: m.targetId,
      notifications: m.notifications ? 1 : 0,
      expires_at: m.expiresAt,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'target_account_id'])
        .doUpdateSet({ notifications: m.notifications ? 1 : 0, expires_at: m.expiresAt }),
    )
    .execute();
}

export async function deleteMute(db: Kysely<Database>, accountId: number, targetId: number) {
  const res = await db
    .deleteFrom('account_mutes')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * Accounts whose statuses and notifications a viewer never sees: those it blocks, those that
 * block it, and those it mutes (while the mute lasts).
 */
export async function excludedAccountIds(
  db: Kysely<Database>,
  viewerId: number,
  now: number,
): Promise<Set<number>> {
  // One statement (SQL text) for the three lists: every logged-in timeline read asks this.
  const { rows } = await sql<{ id: number }>`
    select target_account_id as id from account_blocks where account_id = ${viewerId}
    union all select account_id as id from account_blocks where target_account_id = ${viewerId}
    union all select target_account_id as id from account_mutes
      where account_id = ${viewerId} and (expires_at is null or expires_at > ${now})`.execute(db);
  return new Set(rows.map((r) => Number(r.id)));
}

/** Of `senders`, those whose notifications `recipientId` does not get (blocked either way, or muted with notifications). */
export async function silencedSenders(
  db: Kysely<Database>,
  recipientId: number,
  senders: number[],
  now: number,
): Promise<Set<number>> {
  if (senders.length === 0) return new Set();
  const [blocks, mutes] = await Promise.all([
    db
      .selectFrom('account_blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', recipientId), eb('target_account_id', 'in', senders)]),
          eb.and([eb('target_account_id', '=', recipientId), eb('account_id', 'in', senders)]),
        ]),
      )
      .execute(),
    db
      .selectFrom('account_mutes')
      .select('target_account_id')
      .where('account_id', '=', recipientId)
      .where('target_account_id', 'in', senders)
      .where('notifications', '=', 1)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute(),
  ]);
  const out = new Set<number>();
  for (const b of blocks)
    out.add(Number(b.account_id) === recipientId ? Number(b.target_account_id) : Number(b.account_id));
  for (const m of mutes) out.add(Number(m.target_account_id));
  return out;
}

/** The viewer's relationship flags against `ids`. */
export async function safetyFlags(db: Kysely<Database>, viewerId: number, ids: number[], now: number) {
  if (ids.length === 0)
    return { blocking: new Set<number>(), blockedBy: new Set<number>(), muting: new Map<number, boolean>() };
  const [blocking, blockedBy, muting] = await Promise.all([
    db
      .selectFrom('account_blocks')
      .select('target_account_id as id')
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', ids)
      .execute(),
    db
      .selectFrom('account_blocks')
      .select('account_id as id')
      .where('target_account_id', '=', viewerId)
      .where('account_id', 'in', ids)
      .execute(),
    db
      .selectFrom('account_mutes')
      .select(['target_account_id as id', 'notifications'])
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', ids)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute(),
  ]);
  return {
    blocking: new Set(blocking.map((r) => Number(r.id))),
    blockedBy: new Set(blockedBy.map((r) => Number(r.id))),
    /** Muted account → whether its notifications are muted too. */
    muting: new Map(muting.map((r) => [Number(r.id), Number(r.notifications) === 1])),
  };
}

/** One page of the viewer's blocks or (active) mutes, newest first, keyset on the row id. */
export function listBlocksOrMutes(
  db: Kysely<Database>,
  table: 'account_blocks' | 'account_mutes',
  viewerId: number,
  k: { maxId?: number; sinceId?: number; minId?: number; limit: number },
  now: number,
) {
  let q = db.selectFrom(table).select(['id', 'target_account_id']).where('account_id', '=', viewerId);
  if (table === 'account_mutes') {
    q = q.where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  }
  if (k.maxId !== undefined) q = q.where('id', '<', k.maxId);
  if (k.sinceId !== undefined) q = q.where('id', '>', k.sinceId);
  if (k.minId !== undefined) q = q.where('id', '>', k.minId);
  return q
    .orderBy('id', k.minId !== undefined ? 'asc' : 'desc')
    .limit(k.limit)
    .execute()
    .then((rows) => (k.minId !== undefined ? rows.reverse() : rows));
}

/** Mute expiry per muted account, for `mute_expires_at` on the mutes list. */
export async function muteExpiries(db: Kysely<Database>, viewerId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, number | null>();
  const rows = await db
    .selectFrom('account_mutes')
    .select(['target_account_id', 'expires_at'])
    .where('account_id', '=', viewerId)
    .where('target_account_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.target_account_id), r.expires_at === null ? null : Number(r.expires_at)]),
  );
}

/**
 * Blocks either way between recipients and senders, and recipients' mutes of senders that
 * silence notifications (`kind` says which).
 */
export async function blockAndMutePairs(
  db: Kysely<Database>,
  recipients: number[],
  senders: number[],
  now: number,
) {
  // One statement for both lists (this runs for every status that mentions someone).
  const { rows } = await sql<{ account_id: number; target_account_id: number; kind: string }>`
    select account_id, target_account_id, 'block' as kind from account_blocks
      where (account_id in (${sql.join(recipients)}) and target_account_id in (${sql.join(senders)}))
         or (account_id in (${sql.join(senders)}) and target_account_id in (${sql.join(recipients)}))
    union all
    select account_id, target_account_id, 'mute' as kind from account_mutes
      where account_id in (${sql.join(recipients)}) and target_account_id in (${sql.join(senders)})
        and notifications = 1 and (expires_at is null or expires_at > ${now})`.execute(db);
  return rows;
}
