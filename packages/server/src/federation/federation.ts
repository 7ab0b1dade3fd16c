import { createFederation, type Federation } from '@fedify/fedify';
import type { Context } from '../context';
import { registerActors } from './actors';
import { FastInbox } from './fast-inbox';
import { registerInbox } from './inbox';
import { Outbound } from './outbound';
import { FedifyPort } from './port';
import type { FederationDeps } from './wiring';

export interface HashchatFederation {
  fed: Federation<void>;
  port: FedifyPort;
  /** The shared inbox's fast path for Mastodon-shaped replies (fast-inbox.ts). */
  fastInbox: FastInbox;
  /** Stops the queue workers and the store-backed pieces under them. */
  close(): Promise<void>;
}

/**
 * The Fedify federation of this server: its origin is PUBLIC_URL (never the request's Host, which
 * a client chooses), its queue and cache those of `deps`, and private addresses over plain HTTP
 * only when FEDERATION_ALLOW_PRIVATE_ADDRESSES is on (tests, development).
 */
export function createHashchatFederation(ctx: Context, deps: FederationDeps): HashchatFederation {
  const fed = createFederation<void>({
    kv: deps.kv,
    // Inbox activities are handled in the request, not queued: one parse and no queue writes per
    // activity, and the sender hears 202 once it is handled (a failure is a 500 it retries, as
    // with Mastodon). Deliveries and fan-out stay queued.
    queue: { outbox: deps.queue, fanout: deps.queue },
    origin: ctx.config.publicUrl,
    allowPrivateAddress: ctx.config.federation.allowPrivateAddresses,
    outboxRetryPolicy: deps.retryPolicy,
    onOutboxError: deps.onOutboxError,
    // Mastodon verifies draft-cavage first; RFC 9421 is tried when a server asks for it.
    firstKnock: 'draft-cavage-http-signatures-12',
    userAgent: { software: 'Hashchat', url: new URL(ctx.config.publicUrl) },
    // Started below, at once: deliveries queued before a restart go out without waiting for a new one.
    manuallyStartQueue: true,
  });
  if (deps.onOutboxPermanentFailure) fed.setOutboxPermanentFailureHandler(deps.onOutboxPermanentFailure);
  registerActors(fed, ctx);
  registerInbox(fed, ctx, deps.domainPolicy);
  const outbound = new Outbound(ctx, fed, deps.kv, deps.domainPolicy);
  const stop = new AbortController();
  fed
    .startQueue(undefined, { signal: stop.signal })
    .catch((err) => ctx.log.error({ err }, 'federation: the queue stopped'));
  return {
    fed,
    port: new FedifyPort(ctx, outbound),
    fastInbox: new FastInbox(ctx, fed, deps.domainPolicy, deps.kv),
    async close() {
      stop.abort();
      await deps.close();
    },
  };
}
