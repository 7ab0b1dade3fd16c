import type { FederationStatus } from '@hashchat/api/entities/federation-admin';
import type { Context } from '../../context';
import { presentDeliveryServer } from '../../present/domain-block';
import { listDeliveryStats } from '../../store/federation-deliveries';
import { queueDepth } from '../../store/federation-queue';
import { requireAdmin } from './admin-access';

/** Queue depth and delivery outcomes per remote server, for the admin's federation page. */
export async function federationStatus(ctx: Context, me: number, limit: number): Promise<FederationStatus> {
  await requireAdmin(ctx.store.db, me);
  const [{ ready, delayed }, servers] = await Promise.all([
    queueDepth(ctx.store.db, ctx.now()),
    listDeliveryStats(ctx.store.db, limit),
  ]);
  return {
    mode: ctx.config.federationMode,
    queue: { queued: ready + delayed, ready, delayed },
    servers: servers.map(presentDeliveryServer),
  };
}
