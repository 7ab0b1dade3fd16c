import type {
  KvStore,
  MessageQueue,
  OutboxErrorHandler,
  OutboxPermanentFailureHandler,
  RetryPolicy,
} from '@fedify/fedify';
import type { Context } from '../context';
import { createDeliveryDeps } from './delivery-deps';
import type { DomainPolicy } from './domain-policy';

/** What the federation is built on, chosen in one place (the composition root's federation half). */
export interface FederationDeps {
  kv: KvStore;
  queue: MessageQueue;
  retryPolicy?: RetryPolicy;
  onOutboxError?: OutboxErrorHandler;
  onOutboxPermanentFailure?: OutboxPermanentFailureHandler<void>;
  domainPolicy: DomainPolicy;
  /** Stops the queue's listeners (each finishes the messages in hand) and what else runs. */
  close(): Promise<void>;
}

/**
 * The key-value store, queue, retry policy and domain policy for `ctx`: on the server's own
 * database (SQLite, or PostgreSQL with Redis carrying wake-ups between instances), so deliveries
 * survive restarts, run once across instances, and are counted per remote server; domain blocks
 * and the allow-list from the admin's settings.
 */
export function federationDeps(ctx: Context): FederationDeps {
  const d = createDeliveryDeps(ctx);
  return {
    kv: d.kv,
    queue: d.queue,
    retryPolicy: d.retryPolicy,
    onOutboxError: (error, activity) => {
      ctx.log.warn({ err: error, activity: activity?.id?.href }, 'federation: delivery failed');
      d.onOutboxError(error);
    },
    onOutboxPermanentFailure: (c, values) => d.onOutboxPermanentFailure(c, values),
    domainPolicy: d.domainPolicy,
    close: () => d.close(),
  };
}
