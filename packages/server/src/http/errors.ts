import { type ErrorCode, HashchatError } from '@hashchat/core/errors';
import type { FastifyError, FastifyInstance } from 'fastify';

const STATUS: Record<ErrorCode, number> = {
  Invalid: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  TooLarge: 413,
  Unprocessable: 422,
  RateLimited: 429,
  Unavailable: 503,
};

/** The one place where errors become HTTP statuses and Mastodon-style `{"error": "..."}` bodies. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HashchatError | Error, req, reply) => {
    if (err instanceof HashchatError) {
      const retryAfter = err.details?.retry_after;
      if (err.code === 'RateLimited' && typeof retryAfter === 'number')
        reply.header('retry-after', String(retryAfter));
      return reply.status(STATUS[err.code]).send({ error: err.message, ...(err.details ?? {}) });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ error: 'Request body is too large' });
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.status(415).send({ error: 'Unsupported content type' });
    if (
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return reply.status(400).send({ error: 'The request body could not be parsed' });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: fe.message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: 'Internal server error' });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: 'Record not found' }));
}
