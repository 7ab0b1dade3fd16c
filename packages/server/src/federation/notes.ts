import type { Context as FedContext } from '@fedify/fedify';
import { Hashtag, LanguageString, Mention, Note, PUBLIC_COLLECTION } from '@fedify/vocab';
import { Temporal as Polyfill } from '@js-temporal/polyfill';
import type { Context } from '../context';
import { type AccountRow, findAccountById, findAccountsByIds } from '../store/accounts';
import { findStatusById, type StatusRow, statusTagsAndMentions } from '../store/statuses';
import { accountIdentifier } from './local-actors';

/** An instant for the vocabulary (Node has no Temporal yet; Fedify runs on the same polyfill). */
export const instant = (ms: number): Temporal.Instant =>
  Polyfill.Instant.fromEpochMilliseconds(Number(ms)) as unknown as Temporal.Instant;

/** A duration for the vocabulary and the key-value store. */
export const duration = (d: { days?: number; hours?: number }): Temporal.Duration =>
  Polyfill.Duration.from(d) as unknown as Temporal.Duration;

/** The ActivityPub id of a local status (its `uri`): `/users/<username>/statuses/<id>`. */
export const localNoteUri = (fctx: FedContext<void>, author: { username: string }, statusId: number) =>
  fctx.getObjectUri(Note, { identifier: accountIdentifier(author), id: String(statusId) });

/** The id of any account here, local or remote. */
export const actorUriOf = (fctx: FedContext<void>, a: Pick<AccountRow, 'username' | 'domain' | 'uri'>) =>
  a.domain === null ? fctx.getActorUri(accountIdentifier(a)) : new URL(a.uri ?? '');

/**
 * A local public or unlisted status as a Note, shaped as Mastodon sends one: `to`/`cc` by
 * visibility (public: to Public, cc followers; unlisted: the other way round), mentions in `cc`
 * and `tag`, hashtags in `tag`, `contentMap` by language, `sensitive` and `summary` for content
 * warnings. Null for anything not to be shown to the fediverse.
 */
export async function localNote(
  ctx: Context,
  fctx: FedContext<void>,
  statusId: number,
): Promise<Note | null> {
  const db = ctx.store.db;
  const row = await findStatusById(db, statusId);
  if (!row || row.uri !== null || row.reblog_of_id !== null) return null;
  if (row.visibility !== 'public' && row.visibility !== 'unlisted') return null;
  const author = await findAccountById(db, Number(row.account_id));
  if (!author || author.domain !== null || author.suspended_at !== null) return null;
  return noteOf(ctx, fctx, row, author);
}

async function noteOf(
  ctx: Context,
  fctx: FedContext<void>,
  row: StatusRow,
  author: AccountRow,
): Promise<Note> {
  const db = ctx.store.db;
  const base = ctx.config.publicUrl;
  const id = Number(row.id);
  const { tagNames, mentionIds } = await statusTagsAndMentions(db, id);
  const mentioned = [...(await findAccountsByIds(db, mentionIds)).values()];
  const parent =
    row.in_reply_to_id !== null ? await findStatusById(db, Number(row.in_reply_to_id)) : undefined;
  const parentAuthor = parent ? await findAccountById(db, Number(parent.account_id)) : undefined;
  const followers = fctx.getFollowersUri(accountIdentifier(author));
  const mentionUris = mentioned.map((m) => actorUriOf(fctx, m));
  const isPublic = row.visibility === 'public';
  const host = new URL(base).host;
  return new Note({
    id: localNoteUri(fctx, author, id),
    attribution: fctx.getActorUri(accountIdentifier(author)),
    tos: isPublic ? [PUBLIC_COLLECTION] : [followers],
    // A reply is addressed to the author it answers too, so their server receives it.
    ccs: [
      isPublic ? followers : PUBLIC_COLLECTION,
      ...mentionUris,
      ...(parentAuthor &&
      !mentionIds.includes(Number(parentAuthor.id)) &&
      Number(parentAuthor.id) !== Number(author.id)
        ? [actorUriOf(fctx, parentAuthor)]
        : []),
    ],
    url: new URL(`${base}/@${author.username}/${id}`),
    published: instant(Number(row.created_at)),
    updated: row.edited_at !== null ? instant(Number(row.edited_at)) : null,
    replyTarget:
      parent && parentAuthor
        ? parent.uri
          ? new URL(parent.uri)
          : localNoteUri(fctx, parentAuthor, Number(parent.id))
        : null,
    summary: row.spoiler_text || null,
    sensitive: Boolean(row.sensitive),
    contents: row.language ? [row.content, new LanguageString(row.content, row.language)] : [row.content],
    tags: [
      ...tagNames.map(
        (t) => new Hashtag({ href: new URL(`${base}/tags/${encodeURIComponent(t)}`), name: `#${t}` }),
      ),
      ...mentioned.map(
        (m, i) => new Mention({ href: mentionUris[i], name: `@${m.username}@${m.domain ?? host}` }),
      ),
    ],
  });
}
