import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The curated stream of very large rooms (docs/api.md, "Curated stream"). A session's
 * `curated_threshold`: above how many people in the room the web app shows the highlights
 * (null: never). A room row's `curated`: why the status went to the curated topic (null: it
 * did not), and when; the last `sample` of a session is what the rate limit of the sample
 * reads, from a partial index that holds the sampled rows only.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema.alterTable('chat_sessions').addColumn('curated_threshold', 'integer').execute();
  await db.schema.alterTable('session_statuses').addColumn('curated', 'text').execute();
  await db.schema.alterTable('session_statuses').addColumn('curated_at', d.bigint).execute();
  await db.schema
    .createIndex('session_statuses_sample_idx')
    .on('session_statuses')
    .columns(['session_id', 'curated_at'])
    .where(sql.ref('curated'), '=', 'sample')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('session_statuses_sample_idx').execute();
  await db.schema.alterTable('session_statuses').dropColumn('curated_at').execute();
  await db.schema.alterTable('session_statuses').dropColumn('curated').execute();
  await db.schema.alterTable('chat_sessions').dropColumn('curated_threshold').execute();
}
