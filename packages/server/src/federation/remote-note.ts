import type { Context as FedContext } from '@fedify/fedify';
import { Hashtag, Mention, Note, PUBLIC_COLLECTION } from '@fedify/vocab';
import type { Context } from '../context';
import type { RemoteNote } from '../services/federation/remote-statuses';
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

/**
 * A remote Note read into what a status needs: visibility from its addressing (as Mastodon
 * reads it), hashtags, mentions of accounts known here, the status it replies to.
 */
export async function readNote(
  ctx: Context,
  fctx: FedContext<void>,
  note: Note,
  author: AccountRow,
): Promise<RemoteNote | null> {
  if (!note.id) return null;
  const addressed = [...note.toIds, ...note.ccIds].map((u) => u.href);
  const visibility: Visibility = note.toIds.some((u) => u.href === PUBLIC_COLLECTION.href)
    ? 'public'
    : note.ccIds.some((u) => u.href === PUBLIC_COLLECTION.href)
      ? 'unlisted'
      : author.followers_url && addressed.includes(author.followers_url)
        ? 'private'
        : 'direct';
  const tags: string[] = [];
  const mentionIds: number[] = [];
  for await (const t of note.getTags({ crossOrigin: 'trust' })) {
    if (t instanceof Hashtag && t.name) tags.push(t.name.toString());
    else if (t instanceof Mention && t.href) {
      const parsed = fctx.parseUri(t.href);
      if (parsed?.type === 'actor') {
        const local = await findLocalActor(ctx, parsed.identifier);
        if (local?.kind === 'account') mentionIds.push(local.id);
      } else {
        const known = await findAccountByUri(ctx.store.db, t.href.href);
        if (known) mentionIds.push(Number(known.id));
      }
    }
  }
  const replyUri = note.replyTargetId;
  let inReplyToId = localStatusId(fctx, replyUri);
  if (inReplyToId === null && replyUri) {
    const known = await findStatusByUri(ctx.store.db, replyUri.href);
    inReplyToId = known ? Number(known.id) : null;
  }
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
  };
}
