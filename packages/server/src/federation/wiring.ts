import type { OutboxErrorHandler, RetryPolicy } from '@fedify/fedify';
import { InProcessMessageQueue, type KvStore, MemoryKvStore, type MessageQueue } from '@fedify/fedify';
import type { Context } from '../context';
import { allowAll, type DomainPolicy } from './domain-policy';

/** What the federation is built on, chosen in one place (the composition root's federation half). */
export interface FederationDeps {
  kv: KvStore;
  queue: MessageQueue;
  retryPolicy?: RetryPolicy;
  onOutboxError?: OutboxErrorHandler;
  domainPolicy: DomainPolicy;
}

/**
 * The key-value store, queue, retry policy and domain policy for `ctx`. In-memory for now: the
 * database-backed store and queue (which survive restarts and share work between instances)
 * and domain blocks plug in here.
 */
export function federationDeps(ctx: Context): FederationDeps {
  return {
    kv: new MemoryKvStore(),
    queue: new InProcessMessageQueue(),
    onOutboxError: (error, activity) =>
      ctx.log.warn({ err: error, activity: activity?.id?.href }, 'federation: delivery failed'),
    domainPolicy: allowAll,
  };
}
