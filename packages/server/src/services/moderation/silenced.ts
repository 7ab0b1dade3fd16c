import type { Kysely } from 'kysely';
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
  const [blocks, mutes] = await Promise.all([
    db
      .selectFrom('account_blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', 'in', recipients), eb('target_account_id', 'in', senders)]),
          eb.and([eb('account_id', 'in', senders), eb('target_account_id', 'in', recipients)]),
        ]),
      )
      .execute(),
    db
      .selectFrom('account_mutes')
      .select(['account_id', 'target_account_id'])
      .where('account_id', 'in', recipients)
      .where('target_account_id', 'in', senders)
      .where('notifications', '=', 1)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute(),
  ]);
  if (blocks.length === 0 && mutes.length === 0) return list;
  const pair = (a: number, b: number) => `${a}:${b}`;
  const silenced = new Set<string>();
  for (const b of blocks) {
    silenced.add(pair(Number(b.account_id), Number(b.target_account_id)));
    silenced.add(pair(Number(b.target_account_id), Number(b.account_id)));
  }
  for (const m of mutes) silenced.add(pair(Number(m.account_id), Number(m.target_account_id)));
  return list.filter((n) => !silenced.has(pair(n.accountId, n.fromAccountId)));
}
