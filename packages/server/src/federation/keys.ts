import { exportJwk, generateCryptoKeyPair, importJwk } from '@fedify/fedify';

import type { Context } from '../context';
import { findActorKeys, insertActorKeys, type StoredKeyPair } from '../store/actor-keys';
import type { ActorKind, KeyAlgorithm } from '../store/schema';

const ALGORITHMS: KeyAlgorithm[] = ['RSASSA-PKCS1-v1_5', 'Ed25519'];

/**
 * A local actor's key pairs: RSA (draft-cavage HTTP Signatures, what every Mastodon checks)
 * and Ed25519 (FEP-8b32 proofs, RFC 9421). Made on first use and kept; if two requests make
 * them at once, the first stored wins and both read it back.
 */
export async function actorKeyPairs(ctx: Context, kind: ActorKind, id: number): Promise<CryptoKeyPair[]> {
  let stored = await findActorKeys(ctx.store.db, kind, id);
  if (stored.length < ALGORITHMS.length) {
    const have = new Set(stored.map((k) => k.algorithm));
    const made: StoredKeyPair[] = [];
    for (const algorithm of ALGORITHMS.filter((a) => !have.has(a))) {
      const pair = await generate(algorithm);
      made.push({
        algorithm,
        public_jwk: JSON.stringify(await exportJwk(pair.publicKey)),
        private_jwk: JSON.stringify(await exportJwk(pair.privateKey)),
      });
    }
    await insertActorKeys(ctx.store.db, kind, id, made, ctx.now());
    stored = await findActorKeys(ctx.store.db, kind, id);
  }
  return Promise.all(
    stored.map(async (k) => ({
      publicKey: await importJwk(JSON.parse(k.public_jwk), 'public'),
      privateKey: await importJwk(JSON.parse(k.private_jwk), 'private'),
    })),
  );
}

/**
 * RSA keys are 2048 bits, as Mastodon's: Fedify's default of 4096 takes seconds to make on a
 * busy machine, and a remote server asking for a new actor would wait that long.
 */
async function generate(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  if (algorithm !== 'RSASSA-PKCS1-v1_5') return generateCryptoKeyPair(algorithm);
  return crypto.subtle.generateKey(
    { name: algorithm, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  ) as Promise<CryptoKeyPair>;
}
