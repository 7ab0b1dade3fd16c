import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/** Accounts, OAuth, statuses, tags, social graph, notifications and the event outbox. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  const s = db.schema;

  await d
    .addIdColumn(s.createTable('accounts'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_lower', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('user'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('statuses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followers_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('following_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_at', big)
    .addColumn('suspended_at', big)
    .execute();

  await d
    .addIdColumn(s.createTable('apps'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await s
    .createTable('oauth_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('app_id', big, (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text')
    .addColumn('code_challenge_method', 'text')
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await d
    .addIdColumn(s.createTable('tokens'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('app_id', big, (c) => c.references('apps.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('revoked_at', big)
    .execute();

  await d
    .addIdColumn(s.createTable('statuses'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('in_reply_to_id', big)
    .addColumn('in_reply_to_account_id', big)
    .addColumn('reblog_of_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('edited_at', big)
    .addColumn('replies_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reblogs_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('favourites_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('statuses_account_idx').on('statuses').columns(['account_id', 'id']).execute();
  await s.createIndex('statuses_reply_idx').on('statuses').columns(['in_reply_to_id', 'id']).execute();
  await s.createIndex('statuses_reblog_idx').on('statuses').columns(['reblog_of_id', 'account_id']).execute();
  await s.createIndex('statuses_visibility_idx').on('statuses').columns(['visibility', 'id']).execute();
  await d.createStatusSearch(db);

  await d
    .addIdColumn(s.createTable('tags'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await s
    .createTable('status_tags')
    .addColumn('tag_id', big, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('status_tags_pk', ['tag_id', 'status_id'])
    .execute();
  await s.createIndex('status_tags_status_idx').on('status_tags').column('status_id').execute();
  await s
    .createIndex('status_tags_history_idx')
    .on('status_tags')
    .columns(['tag_id', 'created_at'])
    .execute();

  await s
    .createTable('mentions')
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('mentions_pk', ['status_id', 'account_id'])
    .execute();
  await s.createIndex('mentions_account_idx').on('mentions').columns(['account_id', 'status_id']).execute();

  await s
    .createTable('favourites')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('favourites_pk', ['account_id', 'status_id'])
    .execute();
  await s
    .createIndex('favourites_status_idx')
    .on('favourites')
    .columns(['status_id', 'created_at'])
    .execute();

  await s
    .createTable('follows')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['account_id', 'target_account_id'])
    .execute();
  await s
    .createIndex('follows_target_idx')
    .on('follows')
    .columns(['target_account_id', 'created_at'])
    .execute();

  await s
    .createTable('tag_follows')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('tag_id', big, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_follows_pk', ['account_id', 'tag_id'])
    .execute();

  await d
    .addIdColumn(s.createTable('notifications'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('from_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status_id', big, (c) => c.references('statuses.id').onDelete('cascade'))
    .addColumn('ref_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await s
    .createIndex('notifications_account_idx')
    .on('notifications')
    .columns(['account_id', 'id'])
    .execute();

  await s
    .createTable('idempotency_keys')
    .addColumn('account_id', big, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status_id', big, (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
    .execute();

  await d
    .addIdColumn(s.createTable('events'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('account_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await s
    .createTable('event_topics')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('event_id', big, (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_topics_pk', ['topic', 'event_id'])
    .execute();
  await s.createIndex('event_topics_event_idx').on('event_topics').column('event_id').execute();

  await d
    .addIdColumn(s.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_at', big, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', big)
    .addColumn('last_error', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('done_at', big)
    .execute();
  await s.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
}
