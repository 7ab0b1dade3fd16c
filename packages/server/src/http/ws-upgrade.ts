import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Lets go of the HTTP request a WebSocket was opened with, once it is open. Fastify's request
 * and reply, their logger, Node's IncomingMessage and the ServerResponse that @fastify/websocket
 * made for the upgrade are of no more use, but two references would keep them (~5 KB) for the
 * socket's whole life: the TCP socket's `_httpMessage` (the response, which holds the request),
 * and @fastify/websocket's error listener on the WebSocket (a closure over the request and reply).
 * The response is detached from the socket; the listener is replaced by one that does the same
 * (logs the error with the request's id, and terminates the socket) without them.
 */
export function letGoOfUpgrade(ws: WebSocket, req: FastifyRequest): void {
  const tcp = req.raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  const res = tcp._httpMessage;
  if (res && typeof res.detachSocket === 'function') res.detachSocket(tcp);
  ws.removeAllListeners('error');
  const log = req.server.log;
  const reqId = req.id;
  ws.on('error', (err) => {
    // As @fastify/websocket's own: `request.log.error(err)`, the request's id and the error.
    log.error({ reqId, err }, err.message);
    ws.terminate();
  });
}
