import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * An agenda question's image: an upload held by the question (`question_id`) until the
 * question is published, when its status takes it (`status_id`). A held upload is neither
 * swept as unattached nor attachable to another status; deleting the question lets it go.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .alterTable('media_attachments')
    .addColumn('question_id', d.bigint, (c) => c.references('session_questions.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('media_attachments_question')
    .on('media_attachments')
    .column('question_id')
    .execute();
}

/** PostgreSQL only: SQLite cannot drop a column that holds a foreign key (nothing runs downs today). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('media_attachments_question').execute();
  await db.schema.alterTable('media_attachments').dropColumn('question_id').execute();
}
