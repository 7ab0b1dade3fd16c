import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/** Read positions (`/api/v1/markers`): where each account stopped reading its home timeline and notifications. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('markers')
    .addColumn('account_id', d.bigint, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('last_read_id', d.bigint, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', d.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('markers_pk', ['account_id', 'timeline'])
    .execute();
}

export async function down(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await db.schema.dropTable('markers').execute();
}
