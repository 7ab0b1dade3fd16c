import type { Context as FedContext, Federation, KvStore } from '@fedify/fedify';
import {
  Announce,
  Create,
  Delete,
  Flag,
  Like,
  Note,
  PUBLIC_COLLECTION,
  type Recipient,
  Tombstone,
  Undo,
  Update,
} from '@fedify/vocab';
import { escapeHtml } from '@hashchat/core/text/render';
import type { Context } from '../context';
import { roomUrl } from '../present/chat';
import { GROUP_REMINDER_EVENT } from '../services/chats/reminders';
import { presentSessions } from '../services/chats/views';
import { REPORT_FORWARD_EVENT } from '../services/moderation/account-reports';
import { findAccountById } from '../store/accounts';
import { findSessionById } from '../store/chat-sessions';
import { findChatById } from '../store/chats';
import type { AppendedEvent } from '../store/events';
import { findAccountReport, findReport } from '../store/moderation';
import {
  type Inbox,
  remoteFollowersOf,
  remoteFollowersOfChat,
  remoteInboxesOf,
} from '../store/remote-accounts';
import { findStatusById, statusTagsAndMentions } from '../store/statuses';
import { localActorDocument } from './actors';
import type { DomainPolicy } from './domain-policy';
import { signingKeys } from './keys';
import { accountIdentifier, chatIdentifier, INSTANCE_ACTOR } from './local-actors';
import { duration, instant, localNote, localNoteUri } from './notes';

/**
 * Committed events → activities: a local account's public or unlisted status is a Create(Note)
 * to its remote followers and the remote accounts it mentions, an edit an Update, a deletion a
 * Delete; a chat's Group Announces each question its hosts publish and says when a session goes
 * live. Each goes once per remote server (shared inboxes), through Fedify's queue.
 */
export class Outbound {
  #chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: Context,
    private readonly fed: Federation<void>,
    private readonly kv: KvStore,
    private readonly policy: DomainPolicy,
  ) {}

  /** Hands over events in commit order; never throws into the caller (the write has happened). */
  deliver(events: AppendedEvent[]): void {
    this.#chain = this.#chain
      .then(() => this.#handle(events))
      .catch((err) => this.ctx.log.warn({ err }, 'federation: could not queue a delivery'));
  }

  settled(): Promise<void> {
    return this.#chain;
  }

  fedContext(): FedContext<void> {
    return this.fed.createContext(new URL(this.ctx.config.publicUrl), undefined);
  }

  async #handle(events: AppendedEvent[]): Promise<void> {
    for (const e of events) {
      const accountTopic = e.topics.find((t) => t.startsWith('account:'));
      if (accountTopic && e.accountId !== null) {
        if (e.event === 'update' || e.event === 'status.update') {
          const status = JSON.parse(e.payload) as { id: string; reblog: unknown; account: { acct: string } };
          if (status.reblog === null && !status.account.acct.includes('@'))
            await this.#sendNote(Number(status.id), e.event === 'update' ? 'create' : 'update');
        } else if (e.event === 'delete') {
          await this.#sendDelete(e.accountId, Number(e.payload));
        }
      } else if (e.event === 'update' && e.topics.some((t) => t.startsWith('session:'))) {
        // A status entering a session's room (the room index's event): the Group shares it.
        const sessionTopic = e.topics.find((t) => t.startsWith('session:'))!;
        const status = JSON.parse(e.payload) as { id: string };
        await this.#announce(Number(sessionTopic.slice(8)), Number(status.id), 'room');
      } else if (e.event === 'chat.question') {
        const q = JSON.parse(e.payload) as { status: { id: string } | null; session_id?: string };
        const sessionTopic = e.topics.find((t) => t.startsWith('session:'));
        if (q.status && sessionTopic)
          await this.#announce(Number(sessionTopic.slice(8)), Number(q.status.id), 'question');
      } else if (e.event === GROUP_REMINDER_EVENT) {
        const r = JSON.parse(e.payload) as { session_id: string };
        await this.#sessionReminder(Number(r.session_id));
      } else if (e.event === REPORT_FORWARD_EVENT) {
        await this.#sendFlag(JSON.parse(e.payload) as { report_id?: string; chat_report_id?: string });
      } else if (e.event === 'chat.session') {
        const s = JSON.parse(e.payload) as { id: string; state: string };
        if (s.state === 'live') await this.#sessionLive(Number(s.id));
      }
    }
  }

  /** Recipients past the domain policy, as Fedify wants them. */
  async #recipients(inboxes: Inbox[]): Promise<Recipient[]> {
    const out: Recipient[] = [];
    for (const i of inboxes) {
      if ((await this.policy.verdict(new URL(i.inbox).host)) === 'suspend') continue;
      out.push({
        id: new URL(i.uri),
        inboxId: new URL(i.inbox),
        endpoints: i.sharedInbox ? { sharedInbox: new URL(i.sharedInbox) } : null,
      });
    }
    return out;
  }

  async #send(identifier: string, inboxes: Inbox[], activity: Sent, key: string, preferSharedInbox = true) {
    const recipients = await this.#recipients(inboxes);
    if (recipients.length === 0) return;
    this.ctx.metrics.activitiesQueued.inc({ type: typeOf(activity) });
    const fctx = this.fedContext();
    await fctx.sendActivity(await signingKeys(fctx, this.ctx, identifier), recipients, activity, {
      preferSharedInbox,
      excludeBaseUris: [new URL(this.ctx.config.publicUrl)],
      orderingKey: key,
    });
  }

  async #sendNote(statusId: number, kind: 'create' | 'update'): Promise<void> {
    const db = this.ctx.store.db;
    const row = await findStatusById(db, statusId);
    if (!row || (row.visibility !== 'public' && row.visibility !== 'unlisted')) return;
    // Its followers there, whoever it mentions, and the author it replies to: found first, so a
    // status nobody elsewhere is to get costs two reads, not a Note.
    const { mentionIds } = await statusTagsAndMentions(db, statusId);
    const addressed = [
      ...mentionIds,
      ...(row.in_reply_to_account_id ? [Number(row.in_reply_to_account_id)] : []),
    ];
    const addressedInboxes = await remoteInboxesOf(db, addressed);
    const inboxes = [...(await remoteFollowersOf(db, Number(row.account_id))), ...addressedInboxes];
    if (inboxes.length === 0) return;
    const fctx = this.fedContext();
    const note = await localNote(this.ctx, fctx, statusId);
    if (!note?.id || !note.attributionId) return;
    const identifier = decodeURIComponent(note.attributionId.pathname.split('/').at(-1) ?? '');
    // Who was sent it beyond the followers hears of its deletion too (the status and its
    // mentions are gone by then).
    if (addressedInboxes.length > 0)
      await this.kv.set(
        ['hashchat', 'addressed', String(statusId)],
        addressedInboxes.map((i) => i.accountId),
        { ttl: duration({ days: 90 }) },
      );
    const Activity = kind === 'create' ? Create : Update;
    const activity = new Activity({
      id: new URL(`${note.id.href}#${kind}-${crypto.randomUUID()}`),
      actor: note.attributionId,
      tos: note.toIds,
      ccs: note.ccIds,
      published: kind === 'create' ? note.published : null,
      updated: kind === 'update' ? note.updated : null,
      object: note,
    });
    await this.#send(identifier, inboxes, activity, note.id.href);
  }

  async #sendDelete(accountId: number, statusId: number): Promise<void> {
    const author = await findAccountById(this.ctx.store.db, accountId);
    if (!author || author.domain !== null) return;
    const fctx = this.fedContext();
    const identifier = accountIdentifier(author);
    const id = localNoteUri(fctx, author, statusId);
    const actor = fctx.getActorUri(identifier);
    const activity = new Delete({
      id: new URL(`${id.href}#delete`),
      actor,
      tos: [PUBLIC_COLLECTION],
      object: new Tombstone({ id }),
    });
    const addressed =
      ((await this.kv.get(['hashchat', 'addressed', String(statusId)])) as number[] | undefined) ?? [];
    await this.#send(
      identifier,
      [
        ...(await remoteFollowersOf(this.ctx.store.db, accountId)),
        ...(await remoteInboxesOf(this.ctx.store.db, addressed)),
      ],
      activity,
      id.href,
    );
    await this.kv.delete(['hashchat', 'addressed', String(statusId)]);
  }

  /**
   * A local actor's document changed (its keys rotated): an `Update` of it goes to each server
   * its followers are on, signed with the new key; those servers refetch it.
   */
  async actorUpdated(kind: 'account' | 'chat', id: number): Promise<void> {
    const db = this.ctx.store.db;
    const fctx = this.fedContext();
    let identifier: string;
    if (kind === 'chat') identifier = chatIdentifier(id);
    else {
      const account = await findAccountById(db, id);
      if (!account || account.domain !== null) return;
      identifier = accountIdentifier(account);
    }
    const actor = await localActorDocument(this.ctx, fctx, identifier);
    if (!actor?.id) return;
    const followers = kind === 'chat' ? await remoteFollowersOfChat(db, id) : await remoteFollowersOf(db, id);
    const update = new Update({
      id: new URL(`${actor.id.href}#updates/${crypto.randomUUID()}`),
      actor: actor.id,
      tos: [PUBLIC_COLLECTION],
      ccs: [fctx.getFollowersUri(identifier)],
      object: actor,
    });
    await this.#send(identifier, followers, update, actor.id.href);
  }

  /**
   * A local account favourited (`Like`) or reblogged (`Announce`) a remote status, or took that
   * back (`Undo`). A Like goes to the author's inbox; an Announce, public with the author and the
   * account's followers in cc, to the author's server and its remote followers' servers. The Undo
   * carries the activity again (with a fresh id): the other side matches it by actor and object.
   * Never throws into the caller: the favourite or reblog is stored either way.
   */
  async interaction(
    kind: 'like' | 'announce',
    accountId: number,
    statusId: number,
    undo: boolean,
  ): Promise<void> {
    try {
      const db = this.ctx.store.db;
      const [account, status] = await Promise.all([
        findAccountById(db, accountId),
        findStatusById(db, statusId),
      ]);
      if (!account || account.domain !== null || !status?.uri) return;
      if (kind === 'announce' && status.visibility !== 'public' && status.visibility !== 'unlisted') return;
      const author = await remoteInboxesOf(db, [Number(status.account_id)]);
      if (author.length === 0) return;
      const fctx = this.fedContext();
      const identifier = accountIdentifier(account);
      const actor = fctx.getActorUri(identifier);
      const object = new URL(status.uri);
      const activity =
        kind === 'like'
          ? new Like({ id: new URL(`${actor.href}#likes/${crypto.randomUUID()}`), actor, object })
          : new Announce({
              id: new URL(`${actor.href}#announces/${crypto.randomUUID()}`),
              actor,
              object,
              tos: [PUBLIC_COLLECTION],
              ccs: [new URL(author[0].uri), fctx.getFollowersUri(identifier)],
              published: instant(this.ctx.now()),
            });
      const sent = undo
        ? new Undo({ id: new URL(`${actor.href}#undo/${crypto.randomUUID()}`), actor, object: activity })
        : activity;
      const inboxes = kind === 'like' ? author : [...author, ...(await remoteFollowersOf(db, accountId))];
      await this.#send(
        identifier,
        inboxes,
        sent,
        `${kind}:${actor.href}:${object.href}`,
        kind === 'announce',
      );
    } catch (err) {
      this.ctx.log.warn({ err }, 'federation: could not queue a Like or Announce');
    }
  }

  /**
   * A report about a remote account, forwarded (as Mastodon does): a `Flag` of the account and
   * the reported statuses of theirs, with the reporter's comment, from the instance actor, so
   * the reporter is not named; to the account's server (its shared inbox). The report is one
   * to the server (`report_id`) or one a chat's moderators sent on (`chat_report_id`).
   */
  async #sendFlag(which: { report_id?: string; chat_report_id?: string }): Promise<void> {
    const db = this.ctx.store.db;
    let report: { target_account_id: number; comment: string; statusIds: string[]; key: string } | null =
      null;
    if (which.report_id !== undefined) {
      const r = await findAccountReport(db, Number(which.report_id));
      if (r) report = { ...r, statusIds: JSON.parse(r.status_ids) as string[], key: `report:${r.id}` };
    } else if (which.chat_report_id !== undefined) {
      const r = await findReport(db, Number(which.chat_report_id));
      if (r)
        report = {
          ...r,
          statusIds: r.status_id === null ? [] : [String(r.status_id)],
          key: `chat-report:${r.id}`,
        };
    }
    if (!report) return;
    const target = await remoteInboxesOf(db, [Number(report.target_account_id)]);
    if (target.length === 0) return;
    const statusUris: URL[] = [];
    for (const id of report.statusIds) {
      const status = await findStatusById(db, Number(id));
      if (status?.uri && Number(status.account_id) === Number(report.target_account_id))
        statusUris.push(new URL(status.uri));
    }
    const fctx = this.fedContext();
    const actor = fctx.getActorUri(INSTANCE_ACTOR);
    const flag = new Flag({
      id: new URL(`${actor.href}#flags/${crypto.randomUUID()}`),
      actor,
      objects: [new URL(target[0].uri), ...statusUris],
      content: report.comment,
    });
    await this.#send(INSTANCE_ACTOR, target, flag, `flag:${report.key}`);
  }

  /** Once per status, across events (an agenda edit republishes a question that was asked). */
  async #once(key: string): Promise<boolean> {
    const k = ['hashchat', 'announced', key] as const;
    if (await this.kv.get([...k])) return false;
    await this.kv.set([...k], true, { ttl: duration({ days: 30 }) });
    return true;
  }

  /**
   * The chat's Group Announces a status of one of its sessions (FEP-1b12): each question the
   * hosts publish and, unless the chat shares questions only, every public status entering the
   * room (a remote participant's too). Once per status.
   */
  async #announce(sessionId: number, statusId: number, why: 'question' | 'room'): Promise<void> {
    const db = this.ctx.store.db;
    const session = await findSessionById(db, sessionId);
    if (!session) return;
    const chatId = Number(session.chat_id);
    const followers = await remoteFollowersOfChat(db, chatId);
    if (followers.length === 0) return;
    if (why === 'room') {
      const chat = await findChatById(db, chatId);
      if (!chat || chat.fediverse_announces !== 'all') return;
    }
    const status = await findStatusById(db, statusId);
    if (!status || status.reblog_of_id !== null || status.visibility !== 'public') return;
    const fctx = this.fedContext();
    const objectId = status.uri ? new URL(status.uri) : (await localNote(this.ctx, fctx, statusId))?.id;
    if (!objectId || !(await this.#once(`announce:${statusId}`))) return;
    const author = await findAccountById(db, Number(status.account_id));
    const authorUri = author?.domain === null ? fctx.getActorUri(accountIdentifier(author)) : author?.uri;
    const identifier = chatIdentifier(chatId);
    const announce = new Announce({
      id: new URL(`${fctx.getActorUri(identifier).href}#announces/${crypto.randomUUID()}`),
      actor: fctx.getActorUri(identifier),
      object: objectId,
      tos: [PUBLIC_COLLECTION],
      ccs: [fctx.getFollowersUri(identifier), ...(authorUri ? [new URL(authorUri)] : [])],
      published: instant(this.ctx.now()),
    });
    await this.#send(identifier, followers, announce, objectId.href);
  }

  /**
   * A chat's Group reminds its remote followers of a session about to start: a `Note` with no
   * mention, to its followers (cc Public, so unlisted: their home timelines, no public or tag
   * timeline), saying what, when (in the chat's time zone) and where the room is.
   */
  async #sessionReminder(sessionId: number): Promise<void> {
    const db = this.ctx.store.db;
    const row = await findSessionById(db, sessionId);
    if (row?.state !== 'scheduled') return;
    const chat = await findChatById(db, Number(row.chat_id));
    const followers = chat ? await remoteFollowersOfChat(db, Number(chat.id)) : [];
    if (!chat || followers.length === 0) return;
    const [session] = await presentSessions(this.ctx, [row]);
    const fctx = this.fedContext();
    const identifier = chatIdentifier(Number(chat.id));
    const actor = fctx.getActorUri(identifier);
    const base = this.ctx.config.publicUrl;
    const room = roomUrl(base, chat.hashtag);
    const id = new URL(`${actor.href}/sessions/${sessionId}/reminder`);
    const when = `${session.local_starts_at.replace('T', ' ')} (${session.time_zone})`;
    const note = new Note({
      id,
      attribution: actor,
      tos: [fctx.getFollowersUri(identifier)],
      ccs: [PUBLIC_COLLECTION],
      published: instant(this.ctx.now()),
      url: new URL(session.url),
      content: `<p>Starting soon: <a href="${escapeHtml(session.url)}">${escapeHtml(session.title || chat.title)}</a>, ${escapeHtml(when)}. Join the room: <a href="${escapeHtml(room)}">#${escapeHtml(chat.hashtag)}</a></p>`,
    });
    const create = new Create({
      id: new URL(`${id.href}#create`),
      actor,
      tos: note.toIds,
      ccs: note.ccIds,
      published: note.published,
      object: note,
    });
    await this.#send(identifier, followers, create, id.href);
  }

  async #sessionLive(sessionId: number): Promise<void> {
    const session = await findSessionById(this.ctx.store.db, sessionId);
    if (!session || !(await this.#once(`live:${sessionId}`))) return;
    const chat = await findChatById(this.ctx.store.db, Number(session.chat_id));
    if (!chat) return;
    const fctx = this.fedContext();
    const identifier = chatIdentifier(Number(chat.id));
    const actor = fctx.getActorUri(identifier);
    const room = roomUrl(this.ctx.config.publicUrl, chat.hashtag);
    const base = this.ctx.config.publicUrl;
    const id = new URL(`${actor.href}/sessions/${sessionId}/live`);
    const note = new Note({
      id,
      attribution: actor,
      tos: [PUBLIC_COLLECTION],
      ccs: [fctx.getFollowersUri(identifier)],
      published: instant(this.ctx.now()),
      url: new URL(room),
      content: `<p>Live now: <a href="${escapeHtml(room)}">${escapeHtml(session.title || chat.title)}</a> <a href="${escapeHtml(`${base}/tags/${encodeURIComponent(chat.tag_name)}`)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(chat.hashtag)}</span></a></p>`,
    });
    const create = new Create({
      id: new URL(`${id.href}#create`),
      actor,
      tos: note.toIds,
      ccs: note.ccIds,
      published: note.published,
      object: note,
    });
    await this.#send(
      identifier,
      await remoteFollowersOfChat(this.ctx.store.db, Number(chat.id)),
      create,
      id.href,
    );
  }
}

type Sent = Create | Update | Delete | Announce | Like | Undo | Flag;

const typeOf = (a: Sent) =>
  a instanceof Create
    ? 'Create'
    : a instanceof Update
      ? 'Update'
      : a instanceof Delete
        ? 'Delete'
        : a instanceof Like
          ? 'Like'
          : a instanceof Undo
            ? 'Undo'
            : a instanceof Flag
              ? 'Flag'
              : 'Announce';
