import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Recaps published as a status thread: one row per session, claimed before the statuses are
 * written, so a recap is published once even when the host clicks twice.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await db.schema
    .createTable('session_recaps')
    .addColumn('session_id', big, (c) => c.primaryKey().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull())
    // JSON array of status ids in thread order; '[]' while the thread is being written.
    .addColumn('status_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
}
