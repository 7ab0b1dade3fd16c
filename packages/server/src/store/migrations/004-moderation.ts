import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Moderation: room moderation per chat (settings, bans, mutes, held statuses, reports, the
 * log), personal blocks and mutes (Mastodon), and the town-hall question queue per session.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  const s = db.schema;

  await s
    .createTable('chat_moderation_settings')
    .addColumn('chat_id', big, (c) => c.primaryKey().references('chats.id').onDelete('cascade'))
    .addColumn('slow_mode_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    // A JSON array of words and phrases; matching statuses wait for review.
    .addColumn('word_filter', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('min_account_age_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();

  for (const table of ['chat_bans', 'chat_mutes'] as const) {
    await s
      .createTable(table)
      .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
      .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('moderator_id', big, (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('expires_at', big)
      .addColumn('created_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['chat_id', 'account_id'])
      .execute();
  }

  // Statuses kept out of a chat's room (and of public timelines and streams) for everyone but their author.
  await s
    .createTable('status_holds')
    .addColumn('status_id', big, (c) => c.primaryKey().references('statuses.id').onDelete('cascade'))
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull())
    // 'pending' (waits for review) | 'muted' (its author is muted in the chat) | 'hidden' (by a moderator)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await s
    .createIndex('status_holds_chat_idx')
    .on('status_holds')
    .columns(['chat_id', 'state', 'status_id'])
    .execute();

  await d
    .addIdColumn(s.createTable('moderation_actions'))
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('session_id', big)
    .addColumn('moderator_id', big, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status_id', big)
    .addColumn('account_id', big)
    .addColumn('submission_id', big)
    .addColumn('report_id', big)
    .addColumn('category', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await s
    .createIndex('moderation_actions_chat_idx')
    .on('moderation_actions')
    .columns(['chat_id', 'id'])
    .execute();

  await d
    .addIdColumn(s.createTable('chat_reports'))
    .addColumn('chat_id', big, (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('reporter_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull())
    .addColumn('status_id', big)
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('resolved_by', big)
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await s
    .createIndex('chat_reports_chat_idx')
    .on('chat_reports')
    .columns(['chat_id', 'state', 'id'])
    .execute();

  await d
    .addIdColumn(s.createTable('account_blocks'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await d
    .addIdColumn(s.createTable('account_mutes'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // 1: their notifications are muted too.
    .addColumn('notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('expires_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  for (const table of ['account_blocks', 'account_mutes']) {
    await s
      .createIndex(`${table}_pair_idx`)
      .unique()
      .on(table)
      .columns(['account_id', 'target_account_id'])
      .execute();
    await s.createIndex(`${table}_target_idx`).on(table).column('target_account_id').execute();
  }

  await s
    .alterTable('chat_sessions')
    .addColumn('town_hall', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.alterTable('chat_sessions').addColumn('submission_marker', 'text').execute();

  await d
    .addIdColumn(s.createTable('submissions'))
    .addColumn('session_id', big, (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status_id', big, (c) => c.references('statuses.id').onDelete('set null'))
    // 'pending' | 'approved' | 'dismissed' | 'answering' | 'answered'
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_account_votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', big)
    .addColumn('carried_from_id', big)
    .addColumn('answer_status_id', big, (c) => c.references('statuses.id').onDelete('set null'))
    .addColumn('dismiss_reason', 'text')
    .addColumn('answering_at', big)
    .addColumn('answered_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await s.createIndex('submissions_session_idx').on('submissions').columns(['session_id', 'id']).execute();
  await s
    .createIndex('submissions_votes_idx')
    .on('submissions')
    .columns(['session_id', 'votes_count', 'id'])
    .execute();

  // One vote per account per submission: the primary key makes two concurrent votes count once.
  await s
    .createTable('submission_votes')
    .addColumn('submission_id', big, (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // 1: the account was created after the session was announced.
    .addColumn('new_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_votes_pk', ['submission_id', 'account_id'])
    .execute();
}
