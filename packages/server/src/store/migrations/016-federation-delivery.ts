import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * What federation keeps on our own database instead of in memory: Fedify's key–value store
 * (keys, cached documents, idempotency records, circuit-breaker state), its message queue
 * (deliveries claimed with a lease, like `jobs`), delivery outcomes per remote server, and the
 * admin's domain blocks and allow-list.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  // Keys are JSON arrays compared byte by byte, so a prefix is a range on both dialects: SQLite
  // compares text with memcmp; PostgreSQL needs the C collation to do the same.
  const keyType = d.name === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('federation_kv')
    .addColumn('key', keyType, (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', big)
    .execute();
  await db.schema.createIndex('federation_kv_expires_idx').on('federation_kv').column('expires_at').execute();

  await d
    .addIdColumn(db.schema.createTable('federation_queue'))
    .addColumn('payload', 'text', (c) => c.notNull())
    // Messages with one ordering key run one at a time, oldest first.
    .addColumn('ordering_key', 'text')
    // The remote server a delivery goes to (null for other messages): caps per server.
    .addColumn('host', 'text')
    .addColumn('run_at', big, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', big)
    .addColumn('claims', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('federation_queue_due_idx')
    .on('federation_queue')
    .columns(['state', 'run_at'])
    .execute();
  await db.schema
    .createIndex('federation_queue_ordering_idx')
    .on('federation_queue')
    .columns(['ordering_key', 'id'])
    .execute();

  await db.schema
    .createTable('federation_deliveries')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    // Failures since the last success: what tells a server that is down from one that hiccuped.
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('given_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', big)
    .addColumn('last_success_at', big)
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  await d
    .addIdColumn(db.schema.createTable('domain_blocks'))
    // Lower case, ASCII (punycode), no trailing dot; with `:port` only when the block names one.
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('reject_media', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reject_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_comment', 'text')
    .addColumn('private_comment', 'text')
    .addColumn('obfuscate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  await d
    .addIdColumn(db.schema.createTable('domain_allows'))
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema.dropTable('domain_allows').execute();
  await db.schema.dropTable('domain_blocks').execute();
  await db.schema.dropTable('federation_deliveries').execute();
  await db.schema.dropTable('federation_queue').execute();
  await db.schema.dropTable('federation_kv').execute();
}
