import type { FastifyReply } from 'fastify';
import type { HotAnswer } from '../services/live/join-pages';

/** Sends an answer kept as JSON text by the hot-page cache (services/live/join-pages.ts) as it was made. */
export function sendHot(reply: FastifyReply, hot: HotAnswer, link: string | null = null): FastifyReply {
  if (link) reply.header('link', link);
  return reply.type('application/json; charset=utf-8').send(hot.json);
}
