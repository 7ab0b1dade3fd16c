import type { Context as FedContext } from '@fedify/fedify';
import { Block, Follow, isActor, Note, type Recipient, Undo } from '@fedify/vocab';
import type { Context } from '../context';
import type { FederationPort } from '../services/federation/port';
import { receiveRemoteStatus } from '../services/federation/remote-statuses';
import { type AccountRow, findAccountById, findAccountByUsername } from '../store/accounts';
import type { AppendedEvent } from '../store/events';
import {
  findFollowRequest,
  findRemoteAccountByHandle,
  findStatusByUri,
  upsertFollowRequest,
} from '../store/remote-accounts';
import { rotateActorKeys, signingKeys } from './keys';
import { accountIdentifier } from './local-actors';
import type { Outbound } from './outbound';
import { accountOfActor, rememberActor } from './remote-actor';
import { localStatusId, readNote } from './remote-note';

const HANDLE = /^@?([^@\s/]{1,100})@([^@\s/]{1,253})$/;

/** What services ask of the fediverse, done with Fedify (see services/federation/port.ts). */
export class FedifyPort implements FederationPort {
  constructor(
    private readonly ctx: Context,
    private readonly outbound: Outbound,
  ) {}

  deliver(events: AppendedEvent[]): void {
    this.outbound.deliver(events);
  }

  settled(): Promise<void> {
    return this.outbound.settled();
  }

  async #pair(localId: number, remoteId: number) {
    const [local, remote] = await Promise.all([
      findAccountById(this.ctx.store.db, localId),
      findAccountById(this.ctx.store.db, remoteId),
    ]);
    if (!local || local.domain !== null || !remote?.uri || !remote.inbox_url) return null;
    const fctx = this.outbound.fedContext();
    const identifier = accountIdentifier(local);
    return { fctx, identifier, actor: fctx.getActorUri(identifier), remote, to: recipientOf(remote) };
  }

  like(accountId: number, statusId: number): Promise<void> {
    return this.outbound.interaction('like', accountId, statusId, false);
  }

  unlike(accountId: number, statusId: number): Promise<void> {
    return this.outbound.interaction('like', accountId, statusId, true);
  }

  announce(accountId: number, statusId: number): Promise<void> {
    return this.outbound.interaction('announce', accountId, statusId, false);
  }

  unannounce(accountId: number, statusId: number): Promise<void> {
    return this.outbound.interaction('announce', accountId, statusId, true);
  }

  async rotateKeys(kind: 'account' | 'chat', id: number): Promise<void> {
    await rotateActorKeys(this.ctx, kind, id);
    await this.outbound.actorUpdated(kind, id);
  }

  async follow(followerId: number, targetId: number): Promise<void> {
    const p = await this.#pair(followerId, targetId);
    if (!p) return;
    const id = new URL(`${p.actor.href}#follows/${crypto.randomUUID()}`);
    await upsertFollowRequest(this.ctx.store.db, followerId, targetId, id.href, this.ctx.now());
    await p.fctx.sendActivity(
      await signingKeys(p.fctx, this.ctx, p.identifier),
      p.to,
      new Follow({ id, actor: p.actor, object: new URL(p.remote.uri!) }),
    );
  }

  async unfollow(followerId: number, targetId: number): Promise<void> {
    const p = await this.#pair(followerId, targetId);
    if (!p) return;
    const request = await findFollowRequest(this.ctx.store.db, followerId, targetId);
    const follow = new Follow({
      id: request ? new URL(request.activity_uri) : null,
      actor: p.actor,
      object: new URL(p.remote.uri!),
    });
    await p.fctx.sendActivity(
      await signingKeys(p.fctx, this.ctx, p.identifier),
      p.to,
      new Undo({
        id: new URL(`${p.actor.href}#undo/${crypto.randomUUID()}`),
        actor: p.actor,
        object: follow,
      }),
    );
  }

  async block(accountId: number, targetId: number): Promise<void> {
    const p = await this.#pair(accountId, targetId);
    if (!p) return;
    await p.fctx.sendActivity(
      await signingKeys(p.fctx, this.ctx, p.identifier),
      p.to,
      this.#block(p.actor, p.remote),
    );
  }

  async unblock(accountId: number, targetId: number): Promise<void> {
    const p = await this.#pair(accountId, targetId);
    if (!p) return;
    await p.fctx.sendActivity(
      await signingKeys(p.fctx, this.ctx, p.identifier),
      p.to,
      new Undo({
        id: new URL(`${p.actor.href}#undo/${crypto.randomUUID()}`),
        actor: p.actor,
        object: this.#block(p.actor, p.remote),
      }),
    );
  }

  #block(actor: URL, remote: AccountRow) {
    return new Block({
      id: new URL(`${actor.href}#blocks/${crypto.randomUUID()}`),
      actor,
      object: new URL(remote.uri!),
    });
  }

  async resolve(query: string): Promise<{ accountId: number } | { statusId: number } | null> {
    const q = query.trim();
    const fctx = this.outbound.fedContext();
    const own = new URL(this.ctx.config.publicUrl);
    const handle = HANDLE.exec(q);
    if (handle) {
      const [, user, host] = handle;
      if (host.toLowerCase() === own.host.toLowerCase()) {
        const local = await findAccountByUsername(this.ctx.store.db, user);
        return local && local.domain === null ? { accountId: Number(local.id) } : null;
      }
      const known = await findRemoteAccountByHandle(this.ctx.store.db, user, host);
      const actorUrl = await this.#webfinger(fctx, user, host);
      if (!actorUrl) return known ? { accountId: Number(known.id) } : null;
      const account = await accountOfActor(this.ctx, fctx, actorUrl);
      return account ? { accountId: Number(account.id) } : null;
    }
    if (!/^https?:\/\//i.test(q) || !URL.canParse(q)) return null;
    const url = new URL(q);
    if (url.origin === own.origin) {
      const statusId = localStatusId(fctx, url);
      return statusId !== null ? { statusId } : null;
    }
    const known = await findStatusByUri(this.ctx.store.db, url.href);
    if (known) return { statusId: Number(known.id) };
    const doc = await fctx.lookupObject(url).catch(() => null);
    if (!doc?.id) return null;
    if (isActor(doc)) {
      const account = await rememberActor(this.ctx, doc);
      return account ? { accountId: Number(account.id) } : null;
    }
    if (doc instanceof Note && doc.attributionId) {
      const again = await findStatusByUri(this.ctx.store.db, doc.id.href);
      if (again) return { statusId: Number(again.id) };
      const author = await accountOfActor(this.ctx, fctx, doc.attributionId);
      const note = author && (await readNote(this.ctx, fctx, doc, author));
      if (!author || !note || (note.visibility !== 'public' && note.visibility !== 'unlisted')) return null;
      const statusId = await receiveRemoteStatus(this.ctx, Number(author.id), note);
      return statusId !== null ? { statusId } : null;
    }
    return null;
  }

  /**
   * The actor URL a handle's WebFinger names. WebFinger is HTTPS; a development or test set-up
   * (FEDERATION_ALLOW_PRIVATE_ADDRESSES) also asks over plain HTTP.
   */
  async #webfinger(fctx: FedContext<void>, user: string, host: string): Promise<URL | null> {
    const resource = `acct:${user}@${host}`;
    type Jrd = { links?: { rel?: string; type?: string; href?: string }[] };
    let jrd: Jrd | null = (await fctx.lookupWebFinger(resource).catch(() => null)) as Jrd | null;
    if (!jrd && this.ctx.config.federation.allowPrivateAddresses) {
      const res = await fetch(
        `http://${host}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`,
        {
          headers: { accept: 'application/jrd+json' },
          redirect: 'error',
          signal: AbortSignal.timeout(5000),
        },
      ).catch(() => null);
      jrd = res?.ok ? ((await res.json().catch(() => null)) as Jrd | null) : null;
    }
    const self = jrd?.links?.find(
      (l) => l.rel === 'self' && /application\/(activity\+json|ld\+json)/.test(l.type ?? '') && l.href,
    );
    return self?.href && URL.canParse(self.href) ? new URL(self.href) : null;
  }
}

export function recipientOf(a: Pick<AccountRow, 'uri' | 'inbox_url' | 'shared_inbox_url'>): Recipient {
  return {
    id: new URL(a.uri!),
    inboxId: new URL(a.inbox_url!),
    endpoints: a.shared_inbox_url ? { sharedInbox: new URL(a.shared_inbox_url) } : null,
  };
}
