import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * What Mastodon apps keep per account beside statuses: lists of followed accounts (with their
 * timelines and streams), filters (keywords and statuses hidden or warned about per context),
 * pinned statuses, featured hashtags and conversations (direct statuses grouped by who is in
 * them, with each account's unread flag). Unique constraints are what keep two racing adds of
 * the same member, status or hashtag from both landing.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await d
    .addIdColumn(db.schema.createTable('lists'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // followed | list | none: which replies the list timeline shows.
    .addColumn('replies_policy', 'text', (c) => c.notNull())
    // 1: the members' statuses leave the owner's home timeline.
    .addColumn('exclusive', 'integer', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lists_account_idx').on('lists').columns(['account_id', 'id']).execute();
  await d
    .addIdColumn(db.schema.createTable('list_accounts'))
    .addColumn('list_id', big, (c) => c.notNull().references('lists.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('list_accounts_member_uq', ['list_id', 'account_id'])
    .execute();
  await db.schema.createIndex('list_accounts_account_idx').on('list_accounts').column('account_id').execute();

  await d
    .addIdColumn(db.schema.createTable('filters'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The contexts it applies in, comma-separated (home,notifications,public,thread,account).
    .addColumn('context', 'text', (c) => c.notNull())
    // warn | hide
    .addColumn('filter_action', 'text', (c) => c.notNull())
    .addColumn('expires_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('filters_account_idx').on('filters').columns(['account_id', 'id']).execute();
  await d
    .addIdColumn(db.schema.createTable('filter_keywords'))
    .addColumn('filter_id', big, (c) => c.notNull().references('filters.id').onDelete('cascade'))
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('whole_word', 'integer', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('filter_keywords_filter_idx')
    .on('filter_keywords')
    .column('filter_id')
    .execute();
  await d
    .addIdColumn(db.schema.createTable('filter_statuses'))
    .addColumn('filter_id', big, (c) => c.notNull().references('filters.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('filter_statuses_uq', ['filter_id', 'status_id'])
    .execute();
  await db.schema
    .createIndex('filter_statuses_status_idx')
    .on('filter_statuses')
    .column('status_id')
    .execute();

  await d
    .addIdColumn(db.schema.createTable('status_pins'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('status_pins_uq', ['account_id', 'status_id'])
    .execute();
  await db.schema.createIndex('status_pins_status_idx').on('status_pins').column('status_id').execute();

  await d
    .addIdColumn(db.schema.createTable('featured_tags'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('tag_id', big, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addUniqueConstraint('featured_tags_uq', ['account_id', 'tag_id'])
    .execute();

  await d
    .addIdColumn(db.schema.createTable('conversations'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The other participants' account ids, ascending, comma-separated: one conversation per set.
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('last_status_id', big, (c) => c.notNull())
    .addColumn('unread', 'integer', (c) => c.notNull())
    .addUniqueConstraint('conversations_uq', ['account_id', 'participant_ids'])
    .execute();
  await db.schema
    .createIndex('conversations_account_last_idx')
    .on('conversations')
    .columns(['account_id', 'last_status_id'])
    .execute();
  await db.schema
    .createTable('conversation_statuses')
    .addColumn('conversation_id', big, (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('conversation_statuses_pk', ['conversation_id', 'status_id'])
    .execute();
  await db.schema
    .createIndex('conversation_statuses_status_idx')
    .on('conversation_statuses')
    .column('status_id')
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  for (const t of [
    'conversation_statuses',
    'conversations',
    'featured_tags',
    'status_pins',
    'filter_statuses',
    'filter_keywords',
    'filters',
    'list_accounts',
    'lists',
  ])
    await db.schema.dropTable(t).execute();
}
