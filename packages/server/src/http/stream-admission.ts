import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Context } from '../context';
import type { Reader } from '../stream/reader';
import type { StreamLimits } from '../stream/stream-limits';
import type { Viewer } from './auth';

/**
 * Lets one more stream open if the caps allow (RateLimited otherwise), counted against the
 * client's address and account. Returns what binds the stream's reader: it holds the slot and
 * remembers the credential it was opened with, so that revoking the token or suspending the
 * account closes it. The slot is also given back when the connection closes, should the stream
 * never get as far as a reader (a WebSocket upgrade that fails).
 */
export function admitStream(ctx: Context, req: FastifyRequest): (reader: Reader) => void {
  return admit(ctx.streamLimits, req.raw.socket, req.ip, req.viewer);
}

/**
 * What `admitStream` keeps for the stream's life: the socket, the slot and the credential's ids,
 * never the request (a WebSocket lives on long after Fastify's request and reply are done with).
 */
function admit(limits: StreamLimits, socket: Socket, ip: string, viewer: Viewer): (reader: Reader) => void {
  const give = limits.take(ip, viewer.accountId);
  const release = () => {
    socket.off('close', release);
    give();
  };
  socket.once('close', release);
  const { tokenId, accountId } = viewer;
  return (reader) => {
    reader.tokenId = tokenId;
    reader.accountId = accountId;
    reader.hold(release);
  };
}
