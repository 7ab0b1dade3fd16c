import type { FastifyInstance } from 'fastify';

/**
 * A closing server finishes the answers in hand, then lets their connections go. Node's
 * `server.close()` ends only the connections idle at that moment: one busy then stays open after
 * its answer, as keep-alive, for Fastify's keepAliveTimeout (72 s), and holds `app.close()`, and
 * so a restart or deploy, that long. So once closing, every answer sent says `Connection: close`,
 * and whatever is still open `deadlineMs` later (a request's own time limit) is cut.
 */
export function drainOnClose(app: FastifyInstance, deadlineMs: number): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    const deadline = setTimeout(() => app.server.closeAllConnections(), deadlineMs);
    deadline.unref();
    // Closed in time (the usual case): the timer need not hold the app until it fires.
    app.server.once('close', () => clearTimeout(deadline));
    done();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing && !reply.raw.headersSent) reply.header('connection', 'close');
    done(null, payload);
  });
}
