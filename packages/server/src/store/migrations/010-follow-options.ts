import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * A follow's options from `POST /accounts/:id/follow`: `reblogs` (show the account's boosts in
 * the home timeline, Mastodon's default) and `notify` (a notification for each of its posts).
 * Flags are 0/1 integers on both dialects, like every other flag.
 */
export async function up(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema
    .alterTable('follows')
    .addColumn('show_reblogs', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('follows')
    .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Every new status asks who wants to hear of it: only those rows, not all of an author's followers.
  await db.schema
    .createIndex('follows_notify_idx')
    .on('follows')
    .columns(['target_account_id', 'account_id'])
    .where(sql.ref('notify'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema.dropIndex('follows_notify_idx').execute();
  await db.schema.alterTable('follows').dropColumn('notify').execute();
  await db.schema.alterTable('follows').dropColumn('show_reblogs').execute();
}
