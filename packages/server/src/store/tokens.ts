import type { Insertable, Kysely } from 'kysely';
import type { Database, TokensTable } from './schema';

/** A token by the hash of its secret, with its account's suspension (null for app tokens). */
export const findTokenByHash = (db: Kysely<Database>, hash: string) =>
  db
    .selectFrom('tokens as t')
    .leftJoin('accounts as a', 'a.id', 't.account_id')
    .select([
      't.id',
      't.account_id',
      't.app_id',
      't.scopes',
      't.kind',
      't.csrf_token',
      't.revoked_at',
      'a.suspended_at',
    ])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();

export async function insertToken(db: Kysely<Database>, values: Insertable<TokensTable>): Promise<void> {
  await db.insertInto('tokens').values(values).execute();
}

/** Revokes a live token (only one `appId` issued, when given); returns the ids it revoked. */
export async function revokeTokenByHash(db: Kysely<Database>, hash: string, now: number, appId?: number) {
  let q = db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null);
  if (appId !== undefined) q = q.where('app_id', '=', appId);
  return q.returning('id').execute();
}
