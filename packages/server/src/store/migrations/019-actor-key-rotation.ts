import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Key rotation: each key gets a name of its own (its `keyId` fragment; null keeps the names the
 * first keys were published under, `main-key` and `key-2`), and a rotated-out key is kept for a
 * grace period, still published, so signatures made with it before the rotation still verify.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const big = d.bigint;
  await db.schema.alterTable('actor_keys').addColumn('key_name', 'text').execute();
  await db.schema
    .createTable('retired_actor_keys')
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', big, (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('key_name', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    .addColumn('retired_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('retired_actor_keys_pk', ['owner_kind', 'owner_id', 'key_name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retired_actor_keys').execute();
  await db.schema.alterTable('actor_keys').dropColumn('key_name').execute();
}
