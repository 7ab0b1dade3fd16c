import {
  exportJwk,
  type Context as FedContext,
  generateCryptoKeyPair,
  importJwk,
  type SenderKeyPair,
} from '@fedify/fedify';
import { CryptographicKey, Multikey } from '@fedify/vocab';
import type { Context } from '../context';
import {
  findActorKeys,
  findRetiredActorKeys,
  insertActorKeys,
  keyNameOf,
  retireActorKeys,
  type StoredKeyPair,
} from '../store/actor-keys';
import type { ActorKind, KeyAlgorithm } from '../store/schema';
import { findLocalActor } from './local-actors';

/**
 * How long a rotated-out key stays published: deliveries queued before the rotation carry
 * signatures made with it and are retried for days.
 */
export const ROTATED_KEY_GRACE_MS = 7 * 86_400_000;

const ALGORITHMS: KeyAlgorithm[] = ['RSASSA-PKCS1-v1_5', 'Ed25519'];

/**
 * A local actor's key pairs: RSA (draft-cavage HTTP Signatures, what every Mastodon checks)
 * and Ed25519 (FEP-8b32 proofs, RFC 9421). Made on first use and kept; if two requests make
 * them at once, the first stored wins and both read it back.
 */
export async function actorKeyPairs(ctx: Context, kind: ActorKind, id: number): Promise<CryptoKeyPair[]> {
  return (await currentKeys(ctx, kind, id)).map(({ publicKey, privateKey }) => ({ publicKey, privateKey }));
}

interface NamedKeyPair extends CryptoKeyPair {
  algorithm: KeyAlgorithm;
  name: string;
}

async function currentKeys(ctx: Context, kind: ActorKind, id: number): Promise<NamedKeyPair[]> {
  let stored = await findActorKeys(ctx.store.db, kind, id);
  if (stored.length < ALGORITHMS.length) {
    const have = new Set(stored.map((k) => k.algorithm));
    // Keys made after a rotation get names of their own: a peer sees a keyId it does not know
    // and fetches it, while the old keyId still names the old key.
    const rotated =
      (await findRetiredActorKeys(ctx.store.db, kind, id, ctx.now() - ROTATED_KEY_GRACE_MS)).length > 0;
    const suffix = ctx.now().toString(36);
    const made: StoredKeyPair[] = [];
    for (const algorithm of ALGORITHMS.filter((a) => !have.has(a))) {
      const pair = await generate(algorithm);
      made.push({
        algorithm,
        public_jwk: JSON.stringify(await exportJwk(pair.publicKey)),
        private_jwk: JSON.stringify(await exportJwk(pair.privateKey)),
        key_name: rotated ? `${algorithm === 'Ed25519' ? 'ed25519' : 'rsa'}-${suffix}` : null,
      });
    }
    await insertActorKeys(ctx.store.db, kind, id, made, ctx.now());
    stored = await findActorKeys(ctx.store.db, kind, id);
  }
  return Promise.all(stored.map(imported));
}

async function imported(k: StoredKeyPair): Promise<NamedKeyPair> {
  return {
    algorithm: k.algorithm,
    name: keyNameOf(k),
    publicKey: await importJwk(JSON.parse(k.public_jwk), 'public'),
    privateKey: await importJwk(JSON.parse(k.private_jwk), 'private'),
  };
}

/**
 * The keys an actor document publishes, each under its own keyId: the current ones first (the
 * RSA one is `publicKey`'s first), then those rotated out within the grace period.
 */
export async function publishedKeys(ctx: Context, kind: ActorKind, id: number, actorUri: URL) {
  const keys = [
    ...(await currentKeys(ctx, kind, id)),
    ...(await Promise.all(
      (await findRetiredActorKeys(ctx.store.db, kind, id, ctx.now() - ROTATED_KEY_GRACE_MS)).map(imported),
    )),
  ];
  const keyId = (k: NamedKeyPair) => new URL(`#${k.name}`, actorUri);
  return {
    publicKeys: keys
      .filter((k) => k.algorithm === 'RSASSA-PKCS1-v1_5')
      .map((k) => new CryptographicKey({ id: keyId(k), owner: actorUri, publicKey: k.publicKey })),
    assertionMethods: keys.map(
      (k) => new Multikey({ id: keyId(k), controller: actorUri, publicKey: k.publicKey }),
    ),
  };
}

/** The keys a local actor signs with (its current ones), under the keyIds its document gives them. */
export async function signingKeys(
  fctx: FedContext<void>,
  ctx: Context,
  identifier: string,
): Promise<SenderKeyPair[]> {
  const actor = await findLocalActor(ctx, identifier);
  if (!actor) throw new Error(`no local actor ${identifier}`);
  const actorUri = fctx.getActorUri(identifier);
  return (await currentKeys(ctx, actor.kind, actor.id)).map((k) => ({
    keyId: new URL(`#${k.name}`, actorUri),
    privateKey: k.privateKey,
  }));
}

/** Rotates a local actor's keys: new ones sign from now on, the old ones stay published a while. */
export async function rotateActorKeys(ctx: Context, kind: ActorKind, id: number): Promise<void> {
  const now = ctx.now();
  await retireActorKeys(ctx.store.db, kind, id, now, now - ROTATED_KEY_GRACE_MS);
  await currentKeys(ctx, kind, id);
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
