import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Reports to the instance (Mastodon's `POST /api/v1/reports`): an account and some of its
 * statuses, and whether the report was forwarded to the account's own server (a `Flag`). And
 * when a chat's moderators forwarded a report to them about a remote account.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await d
    .addIdColumn(db.schema.createTable('account_reports'))
    .addColumn('reporter_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // JSON array of status ids (strings).
    .addColumn('status_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('forwarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_reports_target_idx')
    .on('account_reports')
    .columns(['target_account_id', 'id'])
    .execute();
  await db.schema.alterTable('chat_reports').addColumn('forwarded_at', big).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_reports').dropColumn('forwarded_at').execute();
  await db.schema.dropTable('account_reports').execute();
}
