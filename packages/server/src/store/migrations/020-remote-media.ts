import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Media that is linked, not stored: a remote status's attachment is a row without files whose
 * `remote_url` points at its own server, of a Mastodon `type` ('image' or 'unknown'). And the
 * attachments of each version of an edited status (`status_edits.media_attachments`, JSON rows),
 * so its history shows the images each version had.
 */
export async function up(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema.alterTable('media_attachments').addColumn('remote_url', 'text').execute();
  await db.schema
    .alterTable('media_attachments')
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('image'))
    .execute();
  await db.schema.alterTable('status_edits').addColumn('media_attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('status_edits').dropColumn('media_attachments').execute();
  await db.schema.alterTable('media_attachments').dropColumn('type').execute();
  await db.schema.alterTable('media_attachments').dropColumn('remote_url').execute();
}
