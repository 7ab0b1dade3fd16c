import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The curated stream of very large rooms (docs/api.md, "The curated stream"). A session's
 * `curated_threshold`: above how many people in the room the web app shows the highlights
 * (null: never). A room row's `curated`: why the status went to the curated topic (null: it
 * did not), and when. `curated_samples`: per session, the slot and author of the last sampled
 * status, the one row the sample's writers compare-and-set (so two instances writing at once
 * never both take a slot).
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema.alterTable('chat_sessions').addColumn('curated_threshold', 'integer').execute();
  await db.schema.alterTable('session_statuses').addColumn('curated', 'text').execute();
  await db.schema.alterTable('session_statuses').addColumn('curated_at', d.bigint).execute();
  await db.schema
    .createTable('curated_samples')
    .addColumn('session_id', d.bigint, (c) =>
      c.primaryKey().references('chat_sessions.id').onDelete('cascade'),
    )
    .addColumn('slot', d.bigint, (c) => c.notNull())
    .addColumn('account_id', d.bigint, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('curated_samples').execute();
  await db.schema.alterTable('session_statuses').dropColumn('curated_at').execute();
  await db.schema.alterTable('session_statuses').dropColumn('curated').execute();
  await db.schema.alterTable('chat_sessions').dropColumn('curated_threshold').execute();
}
