import type { Context as FedContext } from '@fedify/fedify';
import { type Actor, Group, isActor } from '@fedify/vocab';
import type { Context } from '../context';
import { rememberRemoteAccount } from '../services/federation/remote-accounts';
import type { AccountRow } from '../store/accounts';
import { findAccountByUri } from '../store/remote-accounts';

/** How long a remote actor document is trusted before it is read again. */
export const ACTOR_TTL_MS = 24 * 60 * 60 * 1000;

/** Keeps a remote actor as an account; null for a document that is not a usable actor. */
export async function rememberActor(ctx: Context, actor: Actor): Promise<AccountRow | null> {
  if (!actor.id || !actor.preferredUsername) return null;
  const username = String(actor.preferredUsername);
  if (!/^[\p{L}\p{N}_.-]{1,100}$/u.test(username)) return null;
  const key = await actor.getPublicKey().catch(() => null);
  const pem = key?.publicKey ? await exportPem(key.publicKey) : null;
  return rememberRemoteAccount(ctx, {
    uri: actor.id.href,
    username,
    domain: actor.id.host,
    displayName: actor.name?.toString() ?? '',
    note: actor.summary?.toString() ?? '',
    url: httpUrl(actor.url instanceof URL ? actor.url : (actor.url?.href ?? null)),
    inbox: httpUrl(actor.inboxId),
    sharedInbox: httpUrl(actor.endpoints?.sharedInbox ?? null),
    followers: httpUrl(actor.followersId),
    publicKey: pem && key?.id ? JSON.stringify({ id: key.id.href, pem }) : null,
    group: actor instanceof Group,
  });
}

/** A link from another server, kept only when it is http(s): a `javascript:` profile link is no link. */
export function httpUrl(u: URL | null | undefined): string | null {
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : null;
}

async function exportPem(key: CryptoKey): Promise<string> {
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', key)).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** The account of an actor URI, read (and kept) from its server when unknown or stale. */
export async function accountOfActor(
  ctx: Context,
  fctx: FedContext<void>,
  uri: URL,
): Promise<AccountRow | null> {
  const known = await findAccountByUri(ctx.store.db, uri.href);
  if (known && known.fetched_at !== null && ctx.now() - Number(known.fetched_at) < ACTOR_TTL_MS) return known;
  const doc = await fctx.lookupObject(uri).catch(() => null);
  if (!doc || !isActor(doc) || doc.id?.href !== uri.href) return known ?? null;
  return rememberActor(ctx, doc);
}
