import type { Kysely } from 'kysely';
import type { ActorKind, Database, KeyAlgorithm } from './schema';

export interface StoredKeyPair {
  algorithm: KeyAlgorithm;
  public_jwk: string;
  private_jwk: string;
  /** The `keyId` fragment; null for the first keys (`main-key`, `key-2`). */
  key_name?: string | null;
}

/** The `keyId` fragment a key is published under (the first keys keep the names Fedify gave them). */
export const keyNameOf = (k: Pick<StoredKeyPair, 'algorithm' | 'key_name'>) =>
  k.key_name ?? (k.algorithm === 'Ed25519' ? 'key-2' : 'main-key');

/** A local actor's key pairs, RSA first (the one draft-cavage signatures and `publicKey` use). */
export async function findActorKeys(
  db: Kysely<Database>,
  kind: ActorKind,
  id: number,
): Promise<StoredKeyPair[]> {
  const rows = await db
    .selectFrom('actor_keys')
    .select(['algorithm', 'public_jwk', 'private_jwk', 'key_name'])
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', id)
    .execute();
  return rows.sort((a, b) => (a.algorithm === b.algorithm ? 0 : a.algorithm === 'Ed25519' ? 1 : -1));
}

/** Keeps a generated pair unless another request stored one first (the first one stays). */
export async function insertActorKeys(
  db: Kysely<Database>,
  kind: ActorKind,
  id: number,
  pairs: StoredKeyPair[],
  now: number,
): Promise<void> {
  await db
    .insertInto('actor_keys')
    .values(pairs.map((p) => ({ owner_kind: kind, owner_id: id, ...p, created_at: now })))
    .onConflict((oc) => oc.columns(['owner_kind', 'owner_id', 'algorithm']).doNothing())
    .execute();
}

/**
 * Rotation: the actor's current keys move to the retired ones (published until `since` passes
 * them by), so the next use makes new ones; retired keys older than `since` are dropped.
 */
export async function retireActorKeys(
  db: Kysely<Database>,
  kind: ActorKind,
  id: number,
  now: number,
  since: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findActorKeys(trx, kind, id);
    if (current.length > 0)
      await trx
        .insertInto('retired_actor_keys')
        .values(
          current.map((k) => ({
            owner_kind: kind,
            owner_id: id,
            algorithm: k.algorithm,
            key_name: keyNameOf(k),
            public_jwk: k.public_jwk,
            private_jwk: k.private_jwk,
            retired_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['owner_kind', 'owner_id', 'key_name']).doNothing())
        .execute();
    await trx.deleteFrom('actor_keys').where('owner_kind', '=', kind).where('owner_id', '=', id).execute();
    await trx
      .deleteFrom('retired_actor_keys')
      .where('owner_kind', '=', kind)
      .where('owner_id', '=', id)
      .where('retired_at', '<', since)
      .execute();
  });
}

/** Keys retired at `since` or later, newest first: still published, never used to sign. */
export async function findRetiredActorKeys(
  db: Kysely<Database>,
  kind: ActorKind,
  id: number,
  since: number,
): Promise<StoredKeyPair[]> {
  return db
    .selectFrom('retired_actor_keys')
    .select(['algorithm', 'public_jwk', 'private_jwk', 'key_name'])
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', id)
    .where('retired_at', '>=', since)
    .orderBy('retired_at', 'desc')
    .execute();
}
