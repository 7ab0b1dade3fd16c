import type { Kysely } from 'kysely';
import type { ActorKind, Database, KeyAlgorithm } from './schema';

export interface StoredKeyPair {
  algorithm: KeyAlgorithm;
  public_jwk: string;
  private_jwk: string;
}

/** A local actor's key pairs, RSA first (the one draft-cavage signatures and `publicKey` use). */
export async function findActorKeys(
  db: Kysely<Database>,
  kind: ActorKind,
  id: number,
): Promise<StoredKeyPair[]> {
  const rows = await db
    .selectFrom('actor_keys')
    .select(['algorithm', 'public_jwk', 'private_jwk'])
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
