import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  AccountReportsTable,
  ChatBansTable,
  ChatReportsTable,
  Database,
  HoldState,
  ModerationActionsTable,
  ReportCategory,
  StatusHoldsTable,
} from './schema';

export type ModerationActionRow = Selectable<ModerationActionsTable>;
export type ReportRow = Selectable<ChatReportsTable>;
export type HoldRow = Selectable<StatusHoldsTable>;
export type ChatBanRow = Selectable<ChatBansTable>;

export interface ModerationSettings {
  slowModeSeconds: number;
  wordFilter: string[];
  minAccountAgeDays: number;
}

export const DEFAULT_SETTINGS: ModerationSettings = {
  slowModeSeconds: 0,
  wordFilter: [],
  minAccountAgeDays: 0,
};

/** Each chat's room settings (defaults for chats that never set them). */
export async function settingsForChats(
  db: Kysely<Database>,
  chatIds: number[],
): Promise<Map<number, ModerationSettings>> {
  const out = new Map<number, ModerationSettings>();
  if (chatIds.length === 0) return out;
  const rows = await db
    .selectFrom('chat_moderation_settings')
    .selectAll()
    .where('chat_id', 'in', chatIds)
    .execute();
  for (const r of rows) {
    out.set(Number(r.chat_id), {
      slowModeSeconds: Number(r.slow_mode_seconds),
      wordFilter: JSON.parse(r.word_filter) as string[],
      minAccountAgeDays: Number(r.min_account_age_days),
    });
  }
  return out;
}

export async function saveSettings(
  db: Kysely<Database>,
  chatId: number,
  s: ModerationSettings,
  now: number,
): Promise<void> {
  const values = {
    slow_mode_seconds: s.slowModeSeconds,
    word_filter: JSON.stringify(s.wordFilter),
    min_account_age_days: s.minAccountAgeDays,
    updated_at: now,
  };
  await db
    .insertInto('chat_moderation_settings')
    .values({ chat_id: chatId, ...values })
    .onConflict((oc) => oc.column('chat_id').doUpdateSet(values))
    .execute();
}

/** Active bans and mutes of one account in the given chats. */
export async function restrictionsFor(
  db: Kysely<Database>,
  accountId: number,
  chatIds: number[],
  now: number,
): Promise<{ banned: Set<number>; muted: Set<number> }> {
  if (chatIds.length === 0) return { banned: new Set(), muted: new Set() };
  const active = (table: 'chat_bans' | 'chat_mutes') =>
    db
      .selectFrom(table)
      .select('chat_id')
      .where('account_id', '=', accountId)
      .where('chat_id', 'in', chatIds)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
  const [bans, mutes] = await Promise.all([active('chat_bans'), active('chat_mutes')]);
  return {
    banned: new Set(bans.map((r) => Number(r.chat_id))),
    muted: new Set(mutes.map((r) => Number(r.chat_id))),
  };
}

export async function putRestriction(
  db: Kysely<Database>,
  table: 'chat_bans' | 'chat_mutes',
  row: Insertable<ChatBansTable>,
): Promise<void> {
  await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) =>
      oc.columns(['chat_id', 'account_id']).doUpdateSet({
        moderator_id: row.moderator_id,
        reason: row.reason,
        expires_at: row.expires_at ?? null,
        created_at: row.created_at,
      }),
    )
    .execute();
}

/** Removes a ban or mute; whether there was one. */
export async function dropRestriction(
  db: Kysely<Database>,
  table: 'chat_bans' | 'chat_mutes',
  chatId: number,
  accountId: number,
): Promise<boolean> {
  const res = await db
    .deleteFrom(table)
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export const findHold = (db: Kysely<Database>, statusId: number) =>
  db.selectFrom('status_holds').selectAll().where('status_id', '=', statusId).executeTakeFirst();

export async function putHold(
  db: Kysely<Database>,
  h: { statusId: number; chatId: number; accountId: number; state: HoldState; reason: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('status_holds')
    .values({
      status_id: h.statusId,
      chat_id: h.chatId,
      account_id: h.accountId,
      state: h.state,
      reason: h.reason,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('status_id')
        .doUpdateSet({ state: h.state, reason: h.reason, chat_id: h.chatId, updated_at: now }),
    )
    .execute();
}

export async function dropHold(db: Kysely<Database>, statusId: number): Promise<boolean> {
  const res = await db.deleteFrom('status_holds').where('status_id', '=', statusId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The held statuses of a chat in one state, oldest first (the review queue). */
export function holdsOfChat(db: Kysely<Database>, chatId: number, state: HoldState, limit: number) {
  return db
    .selectFrom('status_holds')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('state', '=', state)
    .orderBy('status_id')
    .limit(limit)
    .execute();
}

/** Sets the room state of a status in every session room that indexed it. */
export async function setRoomState(
  db: Kysely<Database>,
  statusId: number,
  state: 'visible' | HoldState,
): Promise<number[]> {
  await db
    .updateTable('session_statuses')
    .set({ room_state: state })
    .where('status_id', '=', statusId)
    .execute();
  const rows = await db
    .selectFrom('session_statuses')
    .select('session_id')
    .where('status_id', '=', statusId)
    .execute();
  return rows.map((r) => Number(r.session_id));
}

export async function insertAction(
  db: Kysely<Database>,
  row: Insertable<ModerationActionsTable>,
): Promise<ModerationActionRow> {
  return db.insertInto('moderation_actions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** One page of a chat's moderation log, newest first, below `maxId`. */
export function listActions(db: Kysely<Database>, chatId: number, maxId: number | null, limit: number) {
  let q = db.selectFrom('moderation_actions').selectAll().where('chat_id', '=', chatId);
  if (maxId !== null) q = q.where('id', '<', maxId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Public counts of a chat's moderation: actions by name and by reason category. */
export async function actionCounts(db: Kysely<Database>, chatId: number) {
  return db
    .selectFrom('moderation_actions')
    .select(['action', 'category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('chat_id', '=', chatId)
    .groupBy(['action', 'category'])
    .execute();
}

export async function insertReport(
  db: Kysely<Database>,
  row: Insertable<ChatReportsTable>,
): Promise<ReportRow> {
  return db.insertInto('chat_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export const findReport = (db: Kysely<Database>, id: number) =>
  db.selectFrom('chat_reports').selectAll().where('id', '=', id).executeTakeFirst();

export function listReports(
  db: Kysely<Database>,
  chatId: number,
  state: 'open' | 'resolved' | null,
  maxId: number | null,
  limit: number,
) {
  let q = db.selectFrom('chat_reports').selectAll().where('chat_id', '=', chatId);
  if (state) q = q.where('state', '=', state);
  if (maxId !== null) q = q.where('id', '<', maxId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function resolveReport(
  db: Kysely<Database>,
  id: number,
  by: number,
  resolution: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('chat_reports')
    .set({ state: 'resolved', resolved_by: by, resolution, resolved_at: now })
    .where('id', '=', id)
    .execute();
}

export const REPORT_CATEGORIES: readonly ReportCategory[] = [
  'spam',
  'harassment',
  'off_topic',
  'misinformation',
  'other',
];

/** The statuses a chat mute holds for an account, oldest first (at most `limit`). */
export async function mutedHoldIds(db: Kysely<Database>, chatId: number, accountId: number, limit: number) {
  const rows = await db
    .selectFrom('status_holds')
    .select('status_id')
    .where('chat_id', '=', chatId)
    .where('account_id', '=', accountId)
    .where('state', '=', 'muted')
    .orderBy('status_id')
    .limit(limit)
    .execute();
  return rows.map((h) => Number(h.status_id));
}

/** A status's hold state, if it is held. */
export async function holdStateOf(db: Kysely<Database>, statusId: number) {
  const hold = await db
    .selectFrom('status_holds')
    .select('state')
    .where('status_id', '=', statusId)
    .executeTakeFirst();
  return hold?.state;
}

export type AccountReportRow = Selectable<AccountReportsTable>;

/** A report to the instance about an account (Mastodon's `POST /api/v1/reports`). */
export function insertAccountReport(
  db: Kysely<Database>,
  row: Insertable<AccountReportsTable>,
): Promise<AccountReportRow> {
  return db.insertInto('account_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export const findAccountReport = (db: Kysely<Database>, id: number) =>
  db.selectFrom('account_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a chat report forwarded; false when it was already. */
export async function markReportForwarded(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('chat_reports')
    .set({ forwarded_at: now })
    .where('id', '=', id)
    .where('forwarded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
