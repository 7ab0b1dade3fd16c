import type { FastifyRequest } from 'fastify';
import type { Context } from '../context';
import type { Reader } from '../stream/reader';

/**
 * Lets one more stream open if the caps allow (RateLimited otherwise), counted against the
 * client's address and account. Returns what binds the stream's reader: it holds the slot and
 * remembers the credential it was opened with, so that revoking the token or suspending the
 * account closes it. The slot is also given back when the connection closes, should the stream
 * never get as far as a reader (a WebSocket upgrade that fails).
 */
export function admitStream(ctx: Context, req: FastifyRequest): (reader: Reader) => void {
  const socket = req.raw.socket;
  const give = ctx.streamLimits.take(req.ip, req.viewer.accountId);
  const release = () => {
    socket.off('close', release);
    give();
  };
  socket.once('close', release);
  return (reader) => {
    reader.tokenId = req.viewer.tokenId;
    reader.accountId = req.viewer.accountId;
    reader.hold(release);
  };
}
