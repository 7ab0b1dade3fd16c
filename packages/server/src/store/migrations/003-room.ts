import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The room index: which statuses belong to which session, classified (question n, answer to n,
 * comment) when they are written, so the room, the host console, moderation and transcripts
 * all read one keyset-paginated table instead of re-deriving it. Plus the agenda.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  const s = db.schema;

  await s
    .createTable('session_statuses')
    .addColumn('session_id', big, (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question_number', 'integer')
    .addColumn('in_reply_to_id', big)
    // 'visible' | 'hidden' (by a moderator) | 'pending' (waiting for review) | 'muted' (seen by its author only)
    .addColumn('room_state', 'text', (c) => c.notNull().defaultTo('visible'))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spotlighted_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('session_statuses_pk', ['session_id', 'status_id'])
    .execute();
  await s.createIndex('session_statuses_status_idx').on('session_statuses').column('status_id').execute();
  await s
    .createIndex('session_statuses_question_idx')
    .on('session_statuses')
    .columns(['session_id', 'question_number', 'status_id'])
    .execute();
  await s
    .createIndex('session_statuses_account_idx')
    .on('session_statuses')
    .columns(['session_id', 'account_id', 'status_id'])
    .execute();

  await d
    .addIdColumn(s.createTable('session_questions'))
    .addColumn('session_id', big, (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // 'question' | 'intro' | 'closing'
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('question'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('image_alt', 'text')
    .addColumn('offset_minutes', 'integer')
    // 'draft' | 'scheduled' | 'published' | 'skipped'
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('question_number', 'integer')
    .addColumn('status_id', big, (c) => c.unique().references('statuses.id').onDelete('set null'))
    .addColumn('published_at', big)
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await s
    .createIndex('session_questions_session_idx')
    .on('session_questions')
    .columns(['session_id', 'position'])
    .execute();

  // Whether participants may read the agenda's upcoming questions before they are asked.
  await s
    .alterTable('chat_sessions')
    .addColumn('agenda_public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
