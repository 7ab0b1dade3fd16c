import type { Kysely } from 'kysely';
import { blockAndMutePairs } from '../../store/blocks';
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
  const rows = await blockAndMutePairs(db, recipients, senders, now);
  if (rows.length === 0) return list;
  const pair = (a: number, b: number) => `${a}:${b}`;
  const silenced = new Set<string>();
  for (const r of rows) {
    silenced.add(pair(Number(r.account_id), Number(r.target_account_id)));
    if (r.kind === 'block') silenced.add(pair(Number(r.target_account_id), Number(r.account_id)));
  }
  return list.filter((n) => !silenced.has(pair(n.accountId, n.fromAccountId)));
}
