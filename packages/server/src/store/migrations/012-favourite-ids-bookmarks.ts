import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Favourites get an id, and bookmarks arrive with one: Mastodon pages `/api/v1/favourites` and
 * `/api/v1/bookmarks` by it (newest first, `Link` max_id/min_id), which a (account, status) key
 * cannot do in the order they were made. The favourites table is rebuilt with ids given in the
 * order the favourites were made.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  // Favourites and bookmarks share one shape: an id, who, which status, when; once per pair.
  const savedTable = (name: string, unique: string) =>
    d
      .addIdColumn(db.schema.createTable(name))
      .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addUniqueConstraint(unique, ['account_id', 'status_id'])
      .execute();

  await savedTable('favourites_new', 'favourites_account_status_key');
  await sql`INSERT INTO favourites_new (account_id, status_id, created_at)
    SELECT account_id, status_id, created_at FROM favourites ORDER BY created_at, account_id, status_id`.execute(
    db,
  );
  await db.schema.dropTable('favourites').execute();
  await db.schema.alterTable('favourites_new').renameTo('favourites').execute();
  await db.schema
    .createIndex('favourites_status_idx')
    .on('favourites')
    .columns(['status_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('favourites_account_idx')
    .on('favourites')
    .columns(['account_id', 'id'])
    .execute();

  await savedTable('bookmarks', 'bookmarks_account_status_key');
  await db.schema
    .createIndex('bookmarks_account_idx')
    .on('bookmarks')
    .columns(['account_id', 'id'])
    .execute();
}
