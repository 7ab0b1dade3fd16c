import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Scheduled statuses (`scheduled_at` on POST /api/v1/statuses, published by a job), polls
 * (a status's options, and one vote per account: the primary key of `poll_votes` is what keeps
 * two racing votes of one account from both counting) and edits (each version of an edited
 * status, for /api/v1/statuses/:id/history).
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await d
    .addIdColumn(db.schema.createTable('scheduled_statuses'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('scheduled_at', big, (c) => c.notNull())
    // The parameters to post with, as JSON (ScheduledStatus.params).
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scheduled_statuses_account_idx')
    .on('scheduled_statuses')
    .columns(['account_id', 'id'])
    .execute();

  await d
    .addIdColumn(db.schema.createTable('polls'))
    .addColumn('status_id', big, (c) => c.notNull().unique().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('multiple', 'integer', (c) => c.notNull())
    .addColumn('hide_totals', 'integer', (c) => c.notNull())
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voters_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('poll_options')
    .addColumn('poll_id', big, (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('poll_options_pk', ['poll_id', 'position'])
    .execute();
  await db.schema
    .createTable('poll_votes')
    .addColumn('poll_id', big, (c) => c.notNull().references('polls.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // The chosen option positions, comma-separated, ascending.
    .addColumn('choices', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_votes_pk', ['poll_id', 'account_id'])
    .execute();

  await d
    .addIdColumn(db.schema.createTable('status_edits'))
    .addColumn('status_id', big, (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', big, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    // The poll's option titles as a JSON array, or null: a StatusEdit shows them, not the votes.
    .addColumn('poll_options', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_edits_status_idx')
    .on('status_edits')
    .columns(['status_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema.dropTable('status_edits').execute();
  await db.schema.dropTable('poll_votes').execute();
  await db.schema.dropTable('poll_options').execute();
  await db.schema.dropTable('polls').execute();
  await db.schema.dropTable('scheduled_statuses').execute();
}
