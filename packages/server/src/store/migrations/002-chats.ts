import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

const SEED_CATEGORIES: [slug: string, name: string][] = [
  ['food-restaurants', 'Food & restaurants'],
  ['finance', 'Finance'],
  ['retail', 'Retail'],
  ['education', 'Education'],
  ['health', 'Health'],
  ['technology', 'Technology'],
  ['events', 'Events'],
];

/** Chats, their hashtag claims, hosts, followers, sessions (and events), reminders and calendar feeds. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  const s = db.schema;

  await d
    .addIdColumn(s.createTable('chat_categories'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  const now = Date.now();
  for (const [slug, name] of SEED_CATEGORIES) {
    await sql`INSERT INTO chat_categories (slug, name, created_at) VALUES (${slug}, ${name}, ${now})`.execute(
      db,
    );
  }

  await d
    .addIdColumn(s.createTable('chats'))
    .addColumn('owner_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('hashtag', 'text', (c) => c.notNull())
    .addColumn('tag_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', big, (c) => c.references('chat_categories.id').onDelete('set null'))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('schedule_start_local', 'text')
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('rrule', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await s.createIndex('chats_owner_idx').on('chats').columns(['owner_id', 'id']).execute();
  await s.createIndex('chats_tag_idx').on('chats').column('tag_name').execute();

  // The claim: one chat per hashtag. A row here, not a unique column, so an admin can release it
  // without deleting the chat.
  await s
    .createTable('chat_claims')
    .addColumn('tag_name', 'text', (c) => c.primaryKey())
    .addColumn('chat_id', big, (c) => c.notNull().unique().references('chats.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await s
    .createTable('chat_co_hosts')
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_co_hosts_pk', ['chat_id', 'account_id'])
    .execute();

  await s
    .createTable('chat_follows')
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_follows_pk', ['chat_id', 'account_id'])
    .execute();
  await s
    .createIndex('chat_follows_account_idx')
    .on('chat_follows')
    .columns(['account_id', 'chat_id'])
    .execute();

  await d
    .addIdColumn(s.createTable('chat_events'))
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await d
    .addIdColumn(s.createTable('chat_sessions'))
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('event_id', big, (c) => c.references('chat_events.id').onDelete('set null'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('starts_at', big, (c) => c.notNull())
    .addColumn('ends_at', big, (c) => c.notNull())
    .addColumn('original_start', big)
    .addColumn('local_start', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('extra_tag', 'text')
    .addColumn('started_at', big)
    .addColumn('ended_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  // Materialising a rule twice never makes a second row for the same occurrence.
  await s
    .createIndex('chat_sessions_occurrence_idx')
    .on('chat_sessions')
    .columns(['chat_id', 'original_start'])
    .unique()
    .execute();
  await s
    .createIndex('chat_sessions_chat_idx')
    .on('chat_sessions')
    .columns(['chat_id', 'starts_at', 'id'])
    .execute();
  await s
    .createIndex('chat_sessions_state_idx')
    .on('chat_sessions')
    .columns(['state', 'starts_at'])
    .execute();

  await s
    .createTable('chat_session_guests')
    .addColumn('session_id', big, (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('badge', 'text', (c) => c.notNull().defaultTo('Guest'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('chat_session_guests_pk', ['session_id', 'account_id'])
    .execute();

  await s
    .createTable('chat_preferences')
    .addColumn('account_id', big, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('reminder_minutes', 'integer')
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  // The secret of a personal calendar feed is its URL, which the owner can ask for again, so it
  // is kept as is (read-only, revocable with reset), unlike API tokens.
  await s
    .createTable('calendar_feeds')
    .addColumn('account_id', big, (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  // Exactly once per person, session and kind, across restarts and instances.
  await s
    .createTable('chat_reminders_sent')
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('session_id', big, (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notification_id', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_reminders_sent_pk', ['account_id', 'session_id', 'kind'])
    .execute();
  await s
    .createIndex('chat_reminders_notification_idx')
    .on('chat_reminders_sent')
    .column('notification_id')
    .execute();
}
