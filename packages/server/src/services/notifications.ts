import { userTopic } from '@hashchat/api/topics';
import type { Transaction } from 'kysely';
import type { Context } from '../context';
import { serializeAccount } from '../present/account';
import type { StatusEntity } from '../present/status';
import { type AccountRow, findAccountsByIds } from '../store/accounts';
import type { NewEvent } from '../store/events';
import { insertNotifications, type NotificationRow } from '../store/notifications';
import type { Database, NotificationType } from '../store/schema';
import { chatReminderFields } from './chats/reminder-views';
import { withoutSilenced } from './moderation/silenced';
import { presentVisibleStatuses } from './status-views';

export interface NewNotification {
  accountId: number;
  fromAccountId: number;
  type: NotificationType;
  statusId: number | null;
  refId?: number | null;
}

/**
 * Entities the caller already holds, so presenting its notifications need not read them back:
 * a status just written (whose viewer state is still blank for everyone) and its author.
 */
export interface KnownEntities {
  statuses?: Map<number, StatusEntity>;
  accounts?: Map<number, AccountRow>;
}

/**
 * Inserts notifications inside the caller's transaction and returns their stream events
 * (`notification` on `user:<recipient>`). Nobody is notified of their own action.
 */
export async function addNotifications(
  ctx: Context,
  trx: Transaction<Database>,
  list: NewNotification[],
  known: KnownEntities = {},
): Promise<NewEvent[]> {
  const wanted = await withoutSilenced(
    trx,
    // A poll's author hears that it ended, as its voters do (Mastodon's `poll` notification).
    list.filter((n) => n.accountId !== n.fromAccountId || n.type === 'poll'),
    ctx.now(),
  );
  if (wanted.length === 0) return [];
  const now = ctx.now();
  const events: NewEvent[] = [];
  for (const row of await insertNotifications(trx, wanted, now)) {
    const recipient = Number(row.account_id);
    const [entity] = await presentNotifications(ctx, [row], recipient, trx, known);
    if (entity) {
      events.push({
        event: 'notification',
        payload: JSON.stringify(entity),
        accountId: Number(row.from_account_id),
        topics: [userTopic(recipient)],
      });
    }
  }
  return events;
}

/** Notification entities for rows of one recipient. */
export async function presentNotifications(
  ctx: Context,
  rows: NotificationRow[],
  viewerId: number,
  db: Transaction<Database> | Context['store']['db'] = ctx.store.db,
  known: KnownEntities = {},
) {
  const fromIds = rows.map((r) => Number(r.from_account_id));
  const accounts = new Map(known.accounts);
  for (const [id, a] of await findAccountsByIds(
    db,
    fromIds.filter((id) => !accounts.has(id)),
  ))
    accounts.set(id, a);
  const statusIds = rows
    .map((r) => r.status_id)
    .filter((x): x is number => x !== null)
    .map(Number);
  const statuses = new Map<string, StatusEntity>();
  for (const [id, s] of known.statuses ?? []) statuses.set(String(id), s);
  const unknown = statusIds.filter((id) => !statuses.has(String(id)));
  // A notification whose status the recipient may no longer see (held, or out of reach) is left out.
  for (const s of await presentVisibleStatuses(ctx, unknown, viewerId, db)) statuses.set(s.id, s);
  const reminders = await chatReminderFields(ctx, rows, db);
  const out = [];
  for (const r of rows) {
    const from = accounts.get(Number(r.from_account_id));
    if (!from) continue;
    const status = r.status_id === null ? null : (statuses.get(String(r.status_id)) ?? null);
    if (r.status_id !== null && !status) continue;
    // A chat reminder carries its session (`chat_session`), and goes when the session does.
    const reminder = r.type === 'chat_reminder' ? reminders.get(Number(r.id)) : undefined;
    if (r.type === 'chat_reminder' && !reminder) continue;
    out.push({
      id: String(r.id),
      type: r.type,
      created_at: new Date(Number(r.created_at)).toISOString(),
      account: serializeAccount(from, ctx.config.publicUrl),
      // Mastodon leaves the key out when there is no status (a follow); some clients test for it.
      ...(status ? { status } : {}),
      ...(r.ref_id !== null ? { ref_id: String(r.ref_id) } : {}),
      ...reminder,
    });
  }
  return out;
}
