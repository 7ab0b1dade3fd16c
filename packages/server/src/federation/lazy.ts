import type { Federation } from '@fedify/fedify';
import type { Context } from '../context';
import type { FederationPort } from '../services/federation/port';
import type { AppendedEvent } from '../store/events';
import { hasQueuedMessages } from '../store/federation-queue';
import { hasRemoteAccounts } from '../store/remote-accounts';
import type { FastInbox } from './fast-inbox';
import type { HashchatFederation } from './federation';

/**
 * The fediverse edge, loaded when it first has work. Fedify and its vocabulary are the largest
 * thing the server imports (~60 MB resident on Node 24, measured alone), and a server that has
 * never met another one has nothing for them to do: its routes are mounted at start, but
 * Fedify is imported, and its queue started, on the first federation request (WebFinger, an
 * inbox, an actor), the first call that reaches out (follow, resolve, key rotation), or as soon
 * as the database holds a remote account or a queued message, whichever comes first: at start
 * for a server that federates already, at the commit that first has a remote recipient
 * otherwise (a remote account written by another instance counts too). Until then no event can
 * have a remote recipient (every delivery goes to remote accounts' inboxes), so deliveries,
 * likes, blocks and the rest are nothing, as they were.
 */
export class LazyFederation implements FederationPort {
  #loading: Promise<HashchatFederation> | null = null;
  #chain: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly ctx: Context,
    private readonly create: () => Promise<HashchatFederation>,
  ) {}

  /** Whether Fedify has been imported and the federation built (or is being). */
  get loaded(): boolean {
    return this.#loading !== null;
  }

  /** Loads the federation at start when this server federates already (see the class). */
  async start(): Promise<void> {
    if (await this.#federates(true)) await this.load();
  }

  /** Fedify's federation, loading it once. */
  load(): Promise<HashchatFederation> {
    this.#loading ??= this.create();
    return this.#loading;
  }

  /** For the mounted routes. */
  async fed(): Promise<Federation<void>> {
    return (await this.load()).fed;
  }

  /** The shared inbox's fast path, loading the federation once. */
  async fastInbox(): Promise<FastInbox> {
    return (await this.load()).fastInbox;
  }

  /** Stops the loaded federation's queue, if it was loaded (waiting for a load under way). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#chain;
    if (this.#loading) await (await this.#loading).close();
  }

  /** Whether the database names a remote account (or, at start, holds a queued message). */
  async #federates(atStart = false): Promise<boolean> {
    const db = this.ctx.store.db;
    if (await hasRemoteAccounts(db)) return true;
    return atStart && (await hasQueuedMessages(db));
  }

  /** The loaded port when there may be someone remote to tell; null when there cannot be. */
  async #portIfFederating(): Promise<FederationPort | null> {
    if (this.#loading) return (await this.#loading).port;
    if (this.#closed || !(await this.#federates())) return null;
    return (await this.load()).port;
  }

  deliver(events: AppendedEvent[]): void {
    // In commit order, as the loaded port keeps them; never throws into the caller.
    this.#chain = this.#chain
      .then(async () => (await this.#portIfFederating())?.deliver(events))
      .catch((err) => this.ctx.log.warn({ err }, 'federation: could not queue a delivery'));
  }

  async settled(): Promise<void> {
    await this.#chain;
    if (this.#loading) await (await this.#loading).port.settled();
  }

  async follow(followerId: number, targetId: number): Promise<void> {
    await (await this.load()).port.follow(followerId, targetId);
  }

  async rotateKeys(kind: 'account' | 'chat', id: number): Promise<void> {
    await (await this.load()).port.rotateKeys(kind, id);
  }

  async resolve(query: string): Promise<{ accountId: number } | { statusId: number } | null> {
    return (await this.load()).port.resolve(query);
  }

  async unfollow(followerId: number, targetId: number): Promise<void> {
    await (await this.#portIfFederating())?.unfollow(followerId, targetId);
  }

  async block(accountId: number, targetId: number): Promise<void> {
    await (await this.#portIfFederating())?.block(accountId, targetId);
  }

  async unblock(accountId: number, targetId: number): Promise<void> {
    await (await this.#portIfFederating())?.unblock(accountId, targetId);
  }

  async like(accountId: number, statusId: number): Promise<void> {
    await (await this.#portIfFederating())?.like(accountId, statusId);
  }

  async unlike(accountId: number, statusId: number): Promise<void> {
    await (await this.#portIfFederating())?.unlike(accountId, statusId);
  }

  async announce(accountId: number, statusId: number): Promise<void> {
    await (await this.#portIfFederating())?.announce(accountId, statusId);
  }

  async unannounce(accountId: number, statusId: number): Promise<void> {
    await (await this.#portIfFederating())?.unannounce(accountId, statusId);
  }
}
