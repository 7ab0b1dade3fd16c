import type { KvStore, MessageQueue, RetryPolicy } from '@fedify/fedify';
import type { Context } from '../context';
import type { DomainPolicy } from './domain-policy';
import { StoreKvStore } from './kv-store';
import { StoreMessageQueue } from './message-queue';
import { createDeliveryRecorder, createOutboxRetryPolicy } from './retry-policy';
import { StoreDomainPolicy } from './store-domain-policy';

/** What federation's wiring (fed-core's `federationDeps(ctx)`) takes from the delivery side. */
export interface DeliveryDeps {
  kv: KvStore;
  queue: MessageQueue;
  /** createFederation's `outboxRetryPolicy`. */
  retryPolicy: RetryPolicy;
  /** createFederation's `onOutboxError`. */
  onOutboxError: (error: Error) => void;
  /** For `federation.setOutboxPermanentFailureHandler(...)`. */
  onOutboxPermanentFailure: (ctx: unknown, values: { error: unknown }) => void;
  domainPolicy: DomainPolicy;
  /** Stops the queue's listeners (each finishes the messages in hand) and the policy's bus listener. */
  close(): Promise<void>;
}

/**
 * Builds the delivery side on the context's database and bus: the key–value store, the queue
 * (its outcomes recorded per remote server and in /metrics), the retry policy and the domain
 * policy. One per process; call `close` from the context's close.
 */
export function createDeliveryDeps(ctx: Context): DeliveryDeps {
  const recorder = createDeliveryRecorder({
    db: ctx.store.db,
    now: ctx.now,
    metrics: ctx.metrics,
    log: ctx.log,
  });
  const queue = new StoreMessageQueue(ctx.store, {
    owner: ctx.instanceId,
    bus: ctx.bus,
    onHandled: recorder.onHandled,
    log: ctx.log,
  });
  const domainPolicy = new StoreDomainPolicy(ctx.store, {
    mode: ctx.config.federationMode,
    bus: ctx.bus,
    log: ctx.log,
  });
  return {
    kv: new StoreKvStore(ctx.store, { log: ctx.log }),
    queue,
    retryPolicy: createOutboxRetryPolicy(ctx.config.federation.retryInitialMs),
    onOutboxError: recorder.onOutboxError,
    onOutboxPermanentFailure: recorder.onOutboxPermanentFailure,
    domainPolicy,
    async close() {
      await queue.close();
      domainPolicy.close();
    },
  };
}
