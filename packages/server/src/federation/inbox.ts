import type { Federation, InboxContext } from '@fedify/fedify';
import {
  Accept,
  Activity,
  Announce,
  Block,
  Create,
  Delete,
  Follow,
  isActor,
  Like,
  Note,
  Reject,
  Undo,
  Update,
} from '@fedify/vocab';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { Context } from '../context';
import { suspendAccount } from '../services/accounts';
import {
  followAccepted,
  followRejected,
  remoteFollowsAccount,
  remoteFollowsChat,
  remoteUnfollowsAccount,
  remoteUnfollowsChat,
} from '../services/federation/remote-accounts';
import { remoteLike, remoteUnlike } from '../services/federation/remote-likes';
import {
  deleteRemoteStatus,
  type RemoteNote,
  receiveRemoteStatus,
  updateRemoteStatus,
} from '../services/federation/remote-statuses';
import { reblog, unreblog } from '../services/interactions';
import type { AccountRow } from '../store/accounts';
import { chatsClaimingTags } from '../store/chats';
import { findAccountByUri, hasLocalFollower } from '../store/remote-accounts';
import type { DomainPolicy } from './domain-policy';
import { signingKeys } from './keys';
import { findLocalActor } from './local-actors';
import { accountOfActor, rememberActor } from './remote-actor';
import { localStatusId, readAttachments, readNote } from './remote-note';

type Fctx = InboxContext<void>;

/**
 * What the inbox does with each activity once Fedify has verified its signature (and that the
 * signer is its actor). A suspended server's activities are dropped; everything else is handed
 * to the services a local request would use.
 */
export function registerInbox(fed: Federation<void>, ctx: Context, policy: DomainPolicy): void {
  /** The sender's account, or null when its server is suspended or its actor unusable. */
  const sender = async (fctx: Fctx, activity: Activity): Promise<AccountRow | null> => {
    const id = activity.actorId;
    if (!id || (await policy.verdict(id.host)) === 'suspend') return null;
    return accountOfActor(ctx, fctx, id);
  };

  fed
    .setInboxListeners('/users/{identifier}/inbox', '/inbox')
    .on(Follow, async (fctx, follow) => {
      const parsed = fctx.parseUri(follow.objectId);
      if (parsed?.type !== 'actor' || !follow.id) return;
      const local = await findLocalActor(ctx, parsed.identifier);
      const from = local && (await sender(fctx, follow));
      // The instance actor has no followers: a Follow of it is dropped.
      if (!local || local.kind === 'instance' || !from) return;
      if (local.kind === 'account') await remoteFollowsAccount(ctx, Number(from.id), local.id);
      else await remoteFollowsChat(ctx, Number(from.id), local.id);
      const follower = await follow.getActor(fctx);
      if (!follower) return;
      await fctx.sendActivity(
        await signingKeys(fctx, ctx, parsed.identifier),
        follower,
        new Accept({
          id: new URL(`${fctx.getActorUri(parsed.identifier).href}#accepts/${crypto.randomUUID()}`),
          actor: fctx.getActorUri(parsed.identifier),
          // As Mastodon writes it: the Follow by its id, actor and object only.
          object: new Follow({ id: follow.id, actor: follow.actorId, object: follow.objectId }),
        }),
      );
    })
    .on(Accept, async (fctx, accept) => {
      const from = await sender(fctx, accept);
      const follow = await accept.getObject({ crossOrigin: 'trust' }).catch(() => null);
      const parsed = follow instanceof Follow ? fctx.parseUri(follow.actorId) : null;
      if (!from || parsed?.type !== 'actor') return;
      const local = await findLocalActor(ctx, parsed.identifier);
      if (local?.kind === 'account') await followAccepted(ctx, local.id, Number(from.id));
    })
    .on(Reject, async (fctx, reject) => {
      const from = await sender(fctx, reject);
      const follow = await reject.getObject({ crossOrigin: 'trust' }).catch(() => null);
      const parsed = follow instanceof Follow ? fctx.parseUri(follow.actorId) : null;
      if (!from || parsed?.type !== 'actor') return;
      const local = await findLocalActor(ctx, parsed.identifier);
      if (local?.kind === 'account') await followRejected(ctx, local.id, Number(from.id));
    })
    .on(Undo, async (fctx, undo) => {
      const from = await sender(fctx, undo);
      if (!from) return;
      const object = await undo.getObject({ crossOrigin: 'trust' }).catch(() => null);
      // Only one's own activities can be undone.
      if (!(object instanceof Activity) || object.actorId?.href !== undo.actorId?.href) return;
      if (object instanceof Follow) {
        const parsed = fctx.parseUri(object.objectId);
        const local = parsed?.type === 'actor' ? await findLocalActor(ctx, parsed.identifier) : null;
        if (local?.kind === 'account') await remoteUnfollowsAccount(ctx, Number(from.id), local.id);
        else if (local?.kind === 'chat') await remoteUnfollowsChat(ctx, Number(from.id), local.id);
      } else if (object instanceof Like) {
        const id = localStatusId(fctx, object.objectId);
        if (id !== null) await remoteUnlike(ctx, Number(from.id), id);
      } else if (object instanceof Announce) {
        const id = localStatusId(fctx, object.objectId);
        if (id !== null) await unreblog(ctx, Number(from.id), id).catch(ignoreNotFound);
      }
    })
    .on(Create, async (fctx, create) => {
      const object = await create.getObject().catch(() => null);
      if (!(object instanceof Note) || object.attributionId?.href !== create.actorId?.href) return;
      const from = await sender(fctx, create);
      if (!from) return;
      const note = await readNote(ctx, fctx, object, from, create);
      if (note) await takeCreatedNote(ctx, policy, from, note);
    })
    .on(Update, async (fctx, update) => {
      const object = await update.getObject().catch(() => null);
      const from = await sender(fctx, update);
      if (!from || !object?.id) return;
      if (isActor(object)) {
        if (object.id.href === update.actorId?.href) await rememberActor(ctx, object);
        return;
      }
      if (object instanceof Note && object.attributionId?.href === update.actorId?.href)
        await updateRemoteStatus(ctx, Number(from.id), object.id.href, {
          html: object.content?.toString() ?? '',
          spoilerText: object.summary?.toString() ?? '',
          sensitive: object.sensitive ?? false,
          attachments: await readAttachments(object, update),
        });
    })
    .on(Delete, async (_fctx, del) => {
      const objectId = del.objectId;
      const actorId = del.actorId;
      if (!objectId || !actorId || (await policy.verdict(actorId.host)) === 'suspend') return;
      // The actor gone: its account is suspended here (its statuses stop showing).
      if (objectId.href === actorId.href) {
        const gone = await findAccountByUri(ctx.store.db, actorId.href);
        if (gone) await suspendAccount(ctx, Number(gone.id));
        return;
      }
      const from = await findAccountByUri(ctx.store.db, actorId.href);
      if (from) await deleteRemoteStatus(ctx, Number(from.id), objectId.href);
    })
    .on(Like, async (fctx, like) => {
      const id = localStatusId(fctx, like.objectId);
      const from = id !== null ? await sender(fctx, like) : null;
      if (from && id !== null) await remoteLike(ctx, Number(from.id), id);
    })
    .on(Announce, async (fctx, announce) => {
      const from = await sender(fctx, announce);
      if (!from) return;
      let id = localStatusId(fctx, announce.objectId);
      // A boost of a remote note (a chat's Group announcing a question) by an account followed here.
      if (id === null && (await hasLocalFollower(ctx.store.db, Number(from.id)))) {
        const object = await announce.getObject().catch(() => null);
        if (!(object instanceof Note) || !object.attributionId) return;
        const author = await accountOfActor(ctx, fctx, object.attributionId);
        const note = author && (await readNote(ctx, fctx, object, author));
        if (!author || !note || (note.visibility !== 'public' && note.visibility !== 'unlisted')) return;
        // The boosted note's own server is judged too: a suspended one's notes never enter by a boost.
        const verdict = await policy.verdict(new URL(note.uri).host);
        if (verdict === 'suspend') return;
        id = await receiveRemoteStatus(
          ctx,
          Number(author.id),
          note,
          verdict === 'silence' ? 'silenced' : 'remote',
        );
      }
      if (id !== null) await reblog(ctx, Number(from.id), id).catch(ignoreNotFound);
    })
    .on(Block, async (fctx, block) => {
      const parsed = fctx.parseUri(block.objectId);
      const local = parsed?.type === 'actor' ? await findLocalActor(ctx, parsed.identifier) : null;
      const from = local?.kind === 'account' ? await sender(fctx, block) : null;
      if (!from || local?.kind !== 'account') return;
      // Blocked: the follows between the two end, both ways, as on Mastodon.
      await remoteUnfollowsAccount(ctx, Number(from.id), local.id);
      await followRejected(ctx, local.id, Number(from.id));
    })
    .onError((_fctx, error) => {
      ctx.log.warn({ err: error }, 'federation: an inbound activity failed');
    });
}

/**
 * A verified `Create(Note)` by `from` (its attributedTo), read: stored when someone here wants
 * it, as unlisted when its server is silenced. Fedify's listener and the inbox's fast path
 * (fast-inbox.ts) both end here.
 */
export async function takeCreatedNote(
  ctx: Context,
  policy: DomainPolicy,
  from: AccountRow,
  note: RemoteNote,
): Promise<void> {
  if (!(await wanted(ctx, from, note))) return;
  const silenced = (await policy.verdict(new URL(note.uri).host)) === 'silence';
  await receiveRemoteStatus(ctx, Number(from.id), note, silenced ? 'silenced' : 'remote');
}

/** Whether anyone here asked for the note: a follower, a mention, a reply, or a chat's hashtag. */
async function wanted(ctx: Context, from: AccountRow, note: RemoteNote): Promise<boolean> {
  if (note.mentionIds.length > 0 || note.inReplyToId !== null) return true;
  if (await hasLocalFollower(ctx.store.db, Number(from.id))) return true;
  const tags = note.tags.map((t) => normalizeTag(t.replace(/^#/, '')));
  return tags.length > 0 && (await chatsClaimingTags(ctx.store.db, tags)).length > 0;
}

function ignoreNotFound(err: unknown): void {
  if ((err as { code?: string }).code !== 'NotFound') throw err;
}
