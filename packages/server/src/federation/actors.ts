import type { Context as FedContext, Federation } from '@fedify/fedify';
import { Application, Create, Endpoints, Group, Image, Note, Person, PropertyValue } from '@fedify/vocab';
import { chatActorName } from '@hashchat/core/chat/fediverse-handle';
import { escapeHtml } from '@hashchat/core/text/render';
import type { Context } from '../context';
import { chatUrl, roomUrl } from '../present/chat';
import { presentSessions } from '../services/chats/views';
import { findAccountsByIds } from '../store/accounts';
import { nextSessionsForChats } from '../store/chat-sessions';
import { followerCounts } from '../store/chats';
import {
  countRemoteFollowersOfChat,
  recentPublicStatuses,
  remoteFollowersOf,
  remoteFollowersOfChat,
} from '../store/remote-accounts';
import { actorKeyPairs, publishedKeys } from './keys';
import { findLocalActor, INSTANCE_ACTOR, identifierOfHandle, type LocalActor } from './local-actors';
import { instant, localNote } from './notes';

/** How many public statuses an account's outbox shows (newest first); older ones are on their pages. */
const OUTBOX_SIZE = 20;

/**
 * The actors (a `Person` per account, a `Group` per chat, FEP-1b12), their key pairs, WebFinger
 * handles, collections, and each public status as a `Note` at its `uri`.
 */
export function registerActors(fed: Federation<void>, ctx: Context): void {
  const base = ctx.config.publicUrl;
  fed
    .setActorDispatcher('/users/{identifier}', (fctx, identifier) =>
      localActorDocument(ctx, fctx, identifier),
    )
    .setKeyPairsDispatcher(async (_fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      return actor ? actorKeyPairs(ctx, actor.kind, actor.id) : [];
    })
    .mapHandle((_fctx, username) => identifierOfHandle(ctx, username));

  fed.setObjectDispatcher(Note, '/users/{identifier}/statuses/{id}', async (fctx, { identifier, id }) => {
    if (!/^\d{1,18}$/.test(id)) return null;
    const note = await localNote(ctx, fctx, Number(id));
    // The note lives under its author's path only.
    return note?.attributionId?.href === fctx.getActorUri(identifier).href ? note : null;
  });

  fed
    .setFollowersDispatcher('/users/{identifier}/followers', async (_fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      if (!actor) return null;
      if (actor.kind === 'instance') return { items: [] };
      const inboxes =
        actor.kind === 'chat'
          ? await remoteFollowersOfChat(ctx.store.db, actor.id)
          : await remoteFollowersOf(ctx.store.db, actor.id);
      return {
        items: inboxes.map((f) => ({
          id: new URL(f.uri),
          inboxId: new URL(f.inbox),
          endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
        })),
      };
    })
    .setCounter(async (_fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      if (!actor) return null;
      if (actor.kind === 'account') return Number(actor.row.followers_count);
      if (actor.kind === 'instance') return 0;
      const local = (await followerCounts(ctx.store.db, [actor.id])).get(actor.id) ?? 0;
      return local + (await countRemoteFollowersOfChat(ctx.store.db, actor.id));
    });

  fed
    .setFollowingDispatcher('/users/{identifier}/following', async (_fctx, identifier) =>
      (await findLocalActor(ctx, identifier)) ? { items: [] } : null,
    )
    .setCounter(async (_fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      return actor?.kind === 'account' ? Number(actor.row.following_count) : actor ? 0 : null;
    });

  fed.setFeaturedDispatcher('/users/{identifier}/featured', async (_fctx, identifier) =>
    (await findLocalActor(ctx, identifier)) ? { items: [] } : null,
  );

  fed
    .setOutboxDispatcher('/users/{identifier}/outbox', async (fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      if (!actor) return null;
      if (actor.kind !== 'account') return { items: [] };
      const rows = await recentPublicStatuses(ctx.store.db, actor.id, OUTBOX_SIZE);
      const items: Create[] = [];
      for (const r of rows) {
        const note = await localNote(ctx, fctx, Number(r.id));
        if (!note?.id) continue;
        items.push(
          new Create({
            id: new URL(`${note.id.href}/activity`),
            actor: note.attributionId,
            tos: note.toIds,
            ccs: note.ccIds,
            published: note.published,
            object: note,
          }),
        );
      }
      return { items };
    })
    .setCounter(async (_fctx, identifier) => {
      const actor = await findLocalActor(ctx, identifier);
      return actor?.kind === 'account' ? Number(actor.row.statuses_count) : actor ? 0 : null;
    });
}

/** A local actor's document (a Person or a Group), or null when there is no such actor. */
export async function localActorDocument(
  ctx: Context,
  fctx: FedContext<void>,
  identifier: string,
): Promise<Person | Group | Application | null> {
  const base = ctx.config.publicUrl;
  const actor = await findLocalActor(ctx, identifier);
  if (!actor) return null;
  const actorUri = fctx.getActorUri(identifier);
  const keys = await publishedKeys(ctx, actor.kind, actor.id, actorUri);
  const common = {
    id: actorUri,
    inbox: fctx.getInboxUri(identifier),
    outbox: fctx.getOutboxUri(identifier),
    followers: fctx.getFollowersUri(identifier),
    following: fctx.getFollowingUri(identifier),
    featured: fctx.getFeaturedUri(identifier),
    endpoints: new Endpoints({ sharedInbox: fctx.getInboxUri() }),
    publicKeys: keys.publicKeys,
    assertionMethods: keys.assertionMethods,
    manuallyApprovesFollowers: false,
    discoverable: true,
  };
  if (actor.kind === 'instance') {
    const host = new URL(base).host;
    return new Application({
      ...common,
      preferredUsername: INSTANCE_ACTOR,
      name: host,
      summary: `<p>The server ${escapeHtml(host)} itself: it signs what no one person sends, such as forwarded reports.</p>`,
      url: new URL(base),
      discoverable: false,
    });
  }
  if (actor.kind === 'account') {
    const a = actor.row;
    return new Person({
      ...common,
      preferredUsername: a.username,
      name: a.display_name || a.username,
      summary: a.note ? `<p>${escapeHtml(a.note).replace(/\r\n|\r|\n/g, '<br>')}</p>` : null,
      url: new URL(`${base}/@${a.username}`),
      published: instant(Number(a.created_at)),
      icon: new Image({ url: new URL(`${base}/avatars/${a.id}.svg`), mediaType: 'image/svg+xml' }),
    });
  }
  return groupOf(ctx, actor, common);
}

/** A chat as a Group: its title, description, the owner's avatar, and its next session. */
async function groupOf(
  ctx: Context,
  actor: Extract<LocalActor, { kind: 'chat' }>,
  common: ConstructorParameters<typeof Group>[0],
): Promise<Group> {
  const base = ctx.config.publicUrl;
  const chat = actor.row;
  const next = (await nextSessionsForChats(ctx.store.db, [actor.id], ctx.now())).get(actor.id);
  const [session] = next ? await presentSessions(ctx, [next]) : [];
  const owner = (await findAccountsByIds(ctx.store.db, [Number(chat.owner_id)])).get(Number(chat.owner_id));
  const nextLine = session
    ? `${session.state === 'live' ? 'Live now' : 'Next session'}: <a href="${escapeHtml(session.url)}">${escapeHtml(session.title || chat.title)}</a>, ${escapeHtml(session.local_starts_at.replace('T', ' '))} (${escapeHtml(session.time_zone)})`
    : null;
  const description = chat.description
    ? `<p>${escapeHtml(chat.description).replace(/\r\n|\r|\n/g, '<br>')}</p>`
    : '';
  return new Group({
    ...common,
    preferredUsername: chatActorName(chat.tag_name),
    name: chat.title,
    summary: `${description}<p>A hashtag chat: <a href="${escapeHtml(roomUrl(base, chat.hashtag))}">#${escapeHtml(chat.hashtag)}</a></p>${nextLine ? `<p>${nextLine}</p>` : ''}`,
    url: new URL(chatUrl(base, actor.id)),
    published: instant(Number(chat.created_at)),
    icon: owner
      ? new Image({ url: new URL(`${base}/avatars/${owner.id}.svg`), mediaType: 'image/svg+xml' })
      : null,
    attachments: nextLine
      ? [
          new PropertyValue({
            name: session?.state === 'live' ? 'Live now' : 'Next session',
            value: nextLine,
          }),
        ]
      : [],
  });
}
