import { createExponentialBackoffPolicy, type RetryPolicy, SendActivityError } from '@fedify/fedify';
import { stripControlChars } from '@hashchat/core/text/control-chars';
import type { Kysely } from 'kysely';
import type { Metrics } from '../metrics';
import { type DeliveryOutcome, recordDelivery } from '../store/federation-deliveries';
import type { Database } from '../store/schema';
import { currentHandling, type Handling } from './delivery-context';
import { durationMs } from './duration';
import { deliveryHost } from './message-queue';

/** How long a delivery is retried before it is given up (Mastodon retries for about as long). */
export const GIVE_UP_AFTER_MS = 3 * 24 * 3_600_000;

/** The first retry's delay in production; later ones double, up to twelve hours apart. */
export const FIRST_RETRY_MS = 60_000;

/**
 * The outbox retry policy: exponential back-off from `firstRetryMs` (a minute) to twelve hours
 * apart, for three days in all, then Fedify gives the delivery up (and the queue's recorder
 * counts it). Only tests shorten the first delay (FEDERATION_RETRY_INITIAL_MS).
 */
export function createOutboxRetryPolicy(firstRetryMs = FIRST_RETRY_MS): RetryPolicy {
  const backoff = createExponentialBackoffPolicy({
    initialDelay: { milliseconds: firstRetryMs },
    maxDelay: { hours: 12 },
    factor: 2,
    // Bounded by time below; 1+2+…+512 minutes, then 12 hours apart, reach three days by the 16th.
    maxAttempts: 30,
    jitter: true,
  });
  return (context) => {
    if (durationMs(context.elapsedTime) >= GIVE_UP_AFTER_MS) return null;
    return backoff(context);
  };
}

/** The production policy: the first retry a minute after the failure. */
export const outboxRetryPolicy: RetryPolicy = createOutboxRetryPolicy();

const MAX_ERROR_CHARS = 300;

/**
 * A failure in words an admin may see: the HTTP status and the start of the remote server's
 * answer, or the network error and its code. Never our request (headers, signatures), only what
 * came back, cut short and without control characters.
 */
export function describeDeliveryError(error: unknown): string {
  let text: string;
  if (error instanceof SendActivityError) {
    const body = error.responseBody.replace(/\s+/g, ' ').trim();
    text = `HTTP ${error.statusCode}${body ? `: ${body}` : ''}`;
  } else if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    text = `${error.name}: ${error.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  } else text = String(error);
  const clean = stripControlChars(text).replace(/\n/g, ' ');
  return clean.length > MAX_ERROR_CHARS ? `${clean.slice(0, MAX_ERROR_CHARS - 1)}…` : clean;
}

export interface DeliveryRecorderDeps {
  db: Kysely<Database>;
  now: () => number;
  metrics?: Pick<Metrics, 'federationDeliveries' | 'federationGivenUp'>;
  log?: { warn(obj: unknown, msg: string): void };
}

/**
 * Records what became of each delivery, per remote server (table `federation_deliveries`, the
 * admin's delivery health, and `/metrics`). Fedify reports failures through `onOutboxError` and
 * permanent ones through its permanent-failure handler, both called while the queue handles the
 * message; `onHandled` (the queue's hook) then reads the outcome: delivered, failed (Fedify
 * enqueued a retry) or given up (no retry: the policy ran out, or the failure was permanent).
 */
export function createDeliveryRecorder(deps: DeliveryRecorderDeps) {
  async function record(host: string, outcome: DeliveryOutcome): Promise<void> {
    await recordDelivery(deps.db, host, outcome, deps.now());
    deps.metrics?.federationDeliveries.inc({
      outcome: outcome.kind === 'delivered' ? 'delivered' : 'failed',
    });
    if (outcome.kind === 'given_up') deps.metrics?.federationGivenUp.inc();
  }

  return {
    /** For createFederation's `onOutboxError`. */
    onOutboxError(error: Error): void {
      const handling = currentHandling();
      if (handling) handling.error = error;
    },

    /** For `federation.setOutboxPermanentFailureHandler`. */
    onOutboxPermanentFailure(_ctx: unknown, values: { error: unknown }): void {
      const handling = currentHandling();
      if (!handling) return;
      handling.permanent = true;
      handling.error ??= values.error;
    },

    /** For StoreMessageQueue's `onHandled`. */
    async onHandled(handling: Handling, threw: unknown): Promise<void> {
      const host = deliveryHost(handling.payload);
      if (!host) return;
      const error = handling.error ?? threw;
      if (handling.permanent) await record(host, { kind: 'given_up', error: describeDeliveryError(error) });
      else if (error !== undefined)
        await record(host, {
          // Fedify enqueues the retry itself; none (and no throw for our queue to retry) means it gave up.
          kind: handling.requeued || threw !== undefined ? 'failed' : 'given_up',
          error: describeDeliveryError(error),
        });
      // Requeued without an error: held while the host's circuit is open, not attempted.
      else if (!handling.requeued) await record(host, { kind: 'delivered' });
    },
  };
}

export type DeliveryRecorder = ReturnType<typeof createDeliveryRecorder>;
