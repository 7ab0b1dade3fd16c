import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HotAnswer } from '../services/live/join-pages';
import { encodedOnce } from './compression';

/**
 * Sends an answer kept as JSON text by the hot-page cache (services/live/join-pages.ts) as it
 * was made, compressed once per version of the page for the clients that accept it.
 */
export function sendHot(
  req: FastifyRequest,
  reply: FastifyReply,
  hot: HotAnswer,
  link: string | null = null,
): FastifyReply {
  if (link) reply.header('link', link);
  return reply.type('application/json; charset=utf-8').send(encodedOnce(req, reply, hot, hot.json));
}
