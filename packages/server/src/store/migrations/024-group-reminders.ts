import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * When a chat's Group reminded its remote followers of a session (a `Note` to its followers
 * before the start): once per session, so two sweeps never send it twice.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema.alterTable('chat_sessions').addColumn('group_reminded_at', d.bigint).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_sessions').dropColumn('group_reminded_at').execute();
}
