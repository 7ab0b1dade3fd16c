import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Uploaded images: one row per upload, unattached (status_id null) until a status takes it.
 * Its files live in the media storage under `file_key` (the processed image) and `preview_key`;
 * `incoming_key` names the untouched upload while it waits to be processed.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await d
    .addIdColumn(db.schema.createTable('media_attachments'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.references('statuses.id').onDelete('set null'))
    // Its place among its status's attachments (the order of media_ids).
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    // 'processing' | 'ready' | 'failed'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('incoming_key', 'text')
    .addColumn('file_key', 'text')
    .addColumn('preview_key', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('focus_x', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('focus_y', 'real', (c) => c.notNull().defaultTo(0))
    // JSON: Mastodon's `meta` (original and small sizes).
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('blurhash', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('media_attachments_status')
    .on('media_attachments')
    .columns(['status_id', 'position'])
    .execute();
  await db.schema
    .createIndex('media_attachments_unattached')
    .on('media_attachments')
    .columns(['status_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media_attachments').execute();
}
