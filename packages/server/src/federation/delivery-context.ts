import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What happened while the queue handed one message to Fedify: Fedify reports a failed delivery
 * through `onOutboxError` and schedules its retry by enqueueing the message again, but never says
 * "delivered" or "gave up". The queue runs each handler inside this context; the error handlers
 * and the queue's own enqueue mark it, and the outcome is read from it once the handler returns.
 */
export interface Handling {
  readonly payload: unknown;
  /** The handler enqueued a message (Fedify's retry, or a hold while a host's circuit is open). */
  requeued: boolean;
  /** The last delivery error Fedify reported for this message. */
  error: unknown;
  /** Fedify will not retry: a permanent HTTP failure (410, 404…) or a hold that ran out. */
  permanent: boolean;
}

const storage = new AsyncLocalStorage<Handling>();

/** The message being handled in this async context, if any. */
export function currentHandling(): Handling | undefined {
  return storage.getStore();
}

/** A fresh record for one message's handling. */
export function newHandling(payload: unknown): Handling {
  return { payload, requeued: false, error: undefined, permanent: false };
}

/** Runs `work` as `handling`: what Fedify does meanwhile (errors, re-enqueues) marks it. */
export function runWithin(handling: Handling, work: () => Promise<void> | void): Promise<void> {
  return storage.run(handling, async () => {
    await work();
  });
}
