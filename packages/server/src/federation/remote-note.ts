import type { Context as FedContext } from '@fedify/fedify';
import { Document, Hashtag, Link, Mention, Note, PUBLIC_COLLECTION } from '@fedify/vocab';
import type { Context } from '../context';
import type { RemoteAttachment, RemoteNote } from '../services/federation/remote-statuses';
import type { AccountRow } from '../store/accounts';
import { findAccountByUri, findStatusByUri } from '../store/remote-accounts';
import type { Visibility } from '../store/schema';
import { findLocalActor } from './local-actors';
import { httpUrl } from './remote-actor';

/** The id of a local status from its ActivityPub id, or null when the URI is not one. */
export function localStatusId(fctx: FedContext<void>, uri: URL | null): number | null {
  const parsed = uri ? fctx.parseUri(uri) : null;
  return parsed?.type === 'object' && parsed.class === Note ? Number(parsed.values.id) : null;
}

/** A note's visibility from its addressing (IRIs as strings), as Mastodon reads it. */
export function noteVisibility(to: string[], cc: string[], author: AccountRow): Visibility {
  if (to.includes(PUBLIC_COLLECTION.href)) return 'public';
  if (cc.includes(PUBLIC_COLLECTION.href)) return 'unlisted';
  return author.followers_url && (to.includes(author.followers_url) || cc.includes(author.followers_url))
    ? 'private'
    : 'direct';
}

/** The id of the account a mention names: a local account, or a remote one known here; else null. */
export async function mentionedAccountId(
  ctx: Context,
  fctx: FedContext<void>,
  href: URL,
): Promise<number | null> {
  const parsed = fctx.parseUri(href);
  if (parsed?.type === 'actor') {
    const local = await findLocalActor(ctx, parsed.identifier);
    return local?.kind === 'account' ? local.id : null;
  }
  const known = await findAccountByUri(ctx.store.db, href.href);
  return known ? Number(known.id) : null;
}

/** The id of the status a note replies to: a local one, or a remote one known here; else null. */
export async function replyTargetId(
  ctx: Context,
  fctx: FedContext<void>,
  uri: URL | null,
): Promise<number | null> {
  const local = localStatusId(fctx, uri);
  if (local !== null || !uri) return local;
  const known = await findStatusByUri(ctx.store.db, uri.href);
  return known ? Number(known.id) : null;
}

/**
 * A remote Note read into what a status needs: visibility from its addressing (as Mastodon
 * reads it), hashtags, mentions of accounts known here, the status it replies to.
 */
export async function readNote(
  ctx: Context,
  fctx: FedContext<void>,
  note: Note,
  author: AccountRow,
  /** The activity that carried the note, whose JSON as sent holds what the vocabulary drops (blurhash). */
  carrier?: { toJsonLd(): Promise<unknown> },
): Promise<RemoteNote | null> {
  if (!note.id) return null;
  const visibility = noteVisibility(
    note.toIds.map((u) => u.href),
    note.ccIds.map((u) => u.href),
    author,
  );
  const tags: string[] = [];
  const mentionIds: number[] = [];
  for await (const t of note.getTags({ crossOrigin: 'trust' })) {
    if (t instanceof Hashtag && t.name) tags.push(t.name.toString());
    else if (t instanceof Mention && t.href) {
      const id = await mentionedAccountId(ctx, fctx, t.href);
      if (id !== null) mentionIds.push(id);
    }
  }
  const inReplyToId = await replyTargetId(ctx, fctx, note.replyTargetId);
  const url = httpUrl(note.url instanceof URL ? note.url : (note.url?.href ?? null));
  return {
    uri: note.id.href,
    url,
    html: note.content?.toString() ?? '',
    spoilerText: note.summary?.toString() ?? '',
    sensitive: note.sensitive ?? false,
    visibility,
    language: null,
    inReplyToId,
    tags,
    mentionIds,
    publishedAt: note.published ? note.published.epochMilliseconds : null,
    attachments: await readAttachments(note, carrier),
  };
}

/** At most this many of a remote note's attachments are linked, as a local status has. */
const MAX_REMOTE_ATTACHMENTS = 4;
const BLURHASH = /^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,100}$/;

/**
 * A note's attachments (Document, Image) to link: only those with an http(s) url, at most 4.
 * An image/* media type is an image; anything else is Mastodon's 'unknown' (shown as a link).
 */
export async function readAttachments(
  note: Note,
  carrier?: { toJsonLd(): Promise<unknown> },
): Promise<RemoteAttachment[]> {
  const out: RemoteAttachment[] = [];
  const blurhashes = await blurhashesOf(note, carrier);
  for await (const a of note.getAttachments({ crossOrigin: 'trust' })) {
    if (out.length >= MAX_REMOTE_ATTACHMENTS) break;
    if (!(a instanceof Document)) continue;
    const url = httpUrl(a.url instanceof Link ? a.url.href : a.url);
    if (!url) continue;
    const mediaType = a.mediaType ?? (a.url instanceof Link ? a.url.mediaType : null);
    const width = a.width;
    const height = a.height;
    const size =
      width && height && width > 0 && height > 0
        ? { width, height, size: `${width}x${height}`, aspect: width / height }
        : null;
    const name = a.name?.toString() ?? '';
    out.push({
      url,
      type: mediaType?.startsWith('image/') ? 'image' : 'unknown',
      description: name.slice(0, 1500),
      meta: size ? { original: size } : {},
      blurhash: blurhashes.get(url) ?? null,
    });
  }
  return out;
}

/**
 * Mastodon's `blurhash` (toot:blurhash) of each attachment, by url. The vocabulary does not
 * model it, so it is read from the JSON as sent (the carrying activity's, or the note's own when
 * it was fetched); a value that is not a blurhash is left out.
 */
async function blurhashesOf(
  note: Note,
  carrier?: { toJsonLd(): Promise<unknown> },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const json = (await (carrier ?? note).toJsonLd().catch(() => null)) as Record<string, unknown> | null;
  const object = json && typeof json.object === 'object' && json.object !== null ? json.object : json;
  const list = [(object as Record<string, unknown> | null)?.attachment].flat();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { url, blurhash } = item as { url?: unknown; blurhash?: unknown };
    const href = typeof url === 'string' ? url : (url as { href?: unknown } | null)?.href;
    if (typeof href === 'string' && typeof blurhash === 'string' && BLURHASH.test(blurhash))
      out.set(href, blurhash);
  }
  return out;
}
