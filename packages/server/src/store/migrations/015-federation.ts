import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * ActivityPub, part 1. Remote accounts are rows of `accounts` with a `domain` (null: local), so
 * every table that names an account (follows, statuses, favourites, blocks) works for them
 * unchanged. Usernames stay unique per domain without rebuilding the table: a remote account's
 * `username_lower` is `user@domain`, which no local username (letters, digits, `_`) can equal,
 * and its `email` is its actor URI (never a login: sign-in looks at local accounts only).
 * Local accounts and chats get key pairs (RSA for draft-cavage signatures, Ed25519 for
 * FEP-8b32 proofs and RFC 9421), remote followers of chats a table, pending follows of remote
 * accounts another; remote statuses keep their ActivityPub id and page.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  const s = db.schema;
  for (const col of ['domain', 'uri', 'url', 'inbox_url', 'shared_inbox_url', 'followers_url', 'public_key'])
    await s.alterTable('accounts').addColumn(col, 'text').execute();
  await s.alterTable('accounts').addColumn('fetched_at', big).execute();
  await s.createIndex('accounts_uri_idx').unique().on('accounts').column('uri').execute();
  await s.createIndex('accounts_domain_idx').on('accounts').columns(['domain', 'id']).execute();

  for (const col of ['uri', 'url']) await s.alterTable('statuses').addColumn(col, 'text').execute();
  // What the chat's Group announces to its followers: every status of a live session, or questions only.
  await s
    .alterTable('chats')
    .addColumn('fediverse_announces', 'text', (c) => c.notNull().defaultTo('all'))
    .execute();
  await s.createIndex('statuses_uri_idx').unique().on('statuses').column('uri').execute();

  await s
    .createTable('actor_keys')
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', big, (c) => c.notNull())
    // 'RSASSA-PKCS1-v1_5' or 'Ed25519'
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('actor_keys_pk', ['owner_kind', 'owner_id', 'algorithm'])
    .execute();

  await s
    .createTable('chat_remote_followers')
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_remote_followers_pk', ['chat_id', 'account_id'])
    .execute();

  await s
    .createTable('follow_requests')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The Follow activity's id, which the remote server's Accept or Reject names.
    .addColumn('activity_uri', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_requests_pk', ['account_id', 'target_account_id'])
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  const s = db.schema;
  await s.dropTable('follow_requests').execute();
  await s.dropTable('chat_remote_followers').execute();
  await s.dropTable('actor_keys').execute();
  await s.alterTable('chats').dropColumn('fediverse_announces').execute();
  await s.dropIndex('statuses_uri_idx').execute();
  for (const col of ['uri', 'url']) await s.alterTable('statuses').dropColumn(col).execute();
  await s.dropIndex('accounts_domain_idx').execute();
  await s.dropIndex('accounts_uri_idx').execute();
  for (const col of [
    'domain',
    'uri',
    'url',
    'inbox_url',
    'shared_inbox_url',
    'followers_url',
    'public_key',
    'fetched_at',
  ])
    await s.alterTable('accounts').dropColumn(col).execute();
}
