import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/schema';

/**
 * Drops notifications a recipient must not get: from accounts it blocks or that block it, or
 * that it mutes with their notifications (a blocked user's mention notifies nobody). One
 * query for the whole list, however many recipients it has.
 */
export async function withoutSilenced<T extends { accountId: number; fromAccountId: number }>(
  db: Kysely<Database>,
  list: T[],
  now: number,
): Promise<T[]> {
  if (list.length === 0) return list;
  const recipients = [...new Set(list.map((n) => n.accountId))];
  const senders = [...new Set(list.map((n) => n.fromAccountId))];
  // One statement for both lists (this runs for every status that mentions someone).
  const { rows } = await sql<{ account_id: number; target_account_id: number; kind: string }>`
    select account_id, target_account_id, 'block' as kind from account_blocks
      where (account_id in (${sql.join(recipients)}) and target_account_id in (${sql.join(senders)}))
         or (account_id in (${sql.join(senders)}) and target_account_id in (${sql.join(recipients)}))
    union all
    select account_id, target_account_id, 'mute' as kind from account_mutes
      where account_id in (${sql.join(recipients)}) and target_account_id in (${sql.join(senders)})
        and notifications = 1 and (expires_at is null or expires_at > ${now})`.execute(db);
  if (rows.length === 0) return list;
  const pair = (a: number, b: number) => `${a}:${b}`;
  const silenced = new Set<string>();
  for (const r of rows) {
    silenced.add(pair(Number(r.account_id), Number(r.target_account_id)));
    if (r.kind === 'block') silenced.add(pair(Number(r.target_account_id), Number(r.account_id)));
  }
  return list.filter((n) => !silenced.has(pair(n.accountId, n.fromAccountId)));
}
