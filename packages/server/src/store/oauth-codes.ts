import type { Insertable, Kysely } from 'kysely';
import type { Database, OAuthCodesTable } from './schema';

export async function insertOAuthCode(
  db: Kysely<Database>,
  values: Insertable<OAuthCodesTable>,
): Promise<void> {
  await db.insertInto('oauth_codes').values(values).execute();
}

/** Reads and deletes an authorization code in one transaction: a code is tried once. */
export function takeOAuthCode(db: Kysely<Database>, codeHash: string) {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('oauth_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!r) return null;
    await trx.deleteFrom('oauth_codes').where('code_hash', '=', r.code_hash).execute();
    return r;
  });
}
