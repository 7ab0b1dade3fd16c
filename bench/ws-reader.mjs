// A minimal WebSocket client on a raw TCP socket, as cheap per message as the SSE reader:
// the upgrade handshake, one masked text frame to subscribe, then unmasked server frames
// parsed in place from a read buffer shared by all readers of the thread. Answers pings;
// no extensions (permessage-deflate is not offered).
import { randomBytes } from 'node:crypto';
import net from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');
const readBuffer = Buffer.allocUnsafe(256 * 1024);

/** A masked client frame (RFC 6455 §5.3). */
const clientFrame = (opcode, payload) => {
  const len = payload.length;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const frame = Buffer.alloc(head + 4 + len);
  frame[0] = 0x80 | opcode;
  if (len < 126) frame[1] = 0x80 | len;
  else if (len < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(len), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, head);
  for (let i = 0; i < len; i++) frame[head + 4 + i] = payload[i] ^ mask[i & 3];
  return frame;
};

/**
 * Opens one WebSocket to `path` and sends `subscribe` once open. Resolves after the 101.
 * @param {{ host: string, port: number, path: string, token?: string | null, subscribe: string,
 *   timeoutMs?: number, onMessage: (buf: Buffer, start: number, end: number, now: bigint) => void,
 *   onClose: () => void }} options
 * @returns {Promise<{ close: () => void }>}
 */
export const openWsReader = ({
  host,
  port,
  path,
  token,
  subscribe,
  timeoutMs = 15_000,
  onMessage,
  onClose,
}) =>
  new Promise((resolve, reject) => {
    let head = null;
    let open = false;
    let settled = false;
    let pending = null;
    let fragments = null;

    const fail = (err) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error('timeout')), timeoutMs);

    const onFrame = (opcode, fin, buf, start, end, now) => {
      if (opcode === 0x9) return void socket.write(clientFrame(0xa, buf.subarray(start, end)));
      if (opcode === 0x8) return void socket.end(clientFrame(0x8, Buffer.alloc(0)));
      if (opcode === 0x1 || opcode === 0x2) {
        if (fin) return onMessage(buf, start, end, now);
        fragments = [Buffer.from(buf.subarray(start, end))];
      } else if (opcode === 0x0 && fragments) {
        fragments.push(Buffer.from(buf.subarray(start, end)));
        if (fin) {
          const whole = Buffer.concat(fragments);
          fragments = null;
          onMessage(whole, 0, whole.length, now);
        }
      }
    };

    const feedFrames = (part, now) => {
      const data = pending ? Buffer.concat([pending, part]) : part;
      let i = 0;
      while (data.length - i >= 2) {
        const fin = (data[i] & 0x80) !== 0;
        const opcode = data[i] & 0x0f;
        let len = data[i + 1] & 0x7f;
        let at = i + 2;
        if (len === 126) {
          if (data.length - i < 4) break;
          len = data.readUInt16BE(i + 2);
          at = i + 4;
        } else if (len === 127) {
          if (data.length - i < 10) break;
          len = Number(data.readBigUInt64BE(i + 2));
          at = i + 10;
        }
        if (data.length - at < len) break;
        onFrame(opcode, fin, data, at, at + len, now);
        i = at + len;
      }
      // The read buffer is reused by the next read: keep a copy of the unfinished frame.
      pending = i < data.length ? Buffer.from(data.subarray(i)) : null;
    };

    const onHead = (buf, now) => {
      head = head ? Buffer.concat([head, buf]) : Buffer.from(buf);
      const end = head.indexOf(HEAD_END);
      if (end === -1) return;
      const status = Number(head.toString('latin1', 9, 12));
      if (status !== 101) return fail(new Error(`HTTP ${status}`));
      open = true;
      settled = true;
      clearTimeout(timer);
      socket.write(clientFrame(0x1, Buffer.from(subscribe)));
      resolve({ close: () => socket.destroy() });
      const rest = head.subarray(end + 4);
      head = null;
      if (rest.length) feedFrames(rest, now);
    };

    const socket = net.connect({
      host,
      port,
      onread: {
        buffer: readBuffer,
        callback: (nread, buf) => {
          const now = process.hrtime.bigint();
          const data = buf.subarray(0, nread);
          if (open) feedFrames(data, now);
          else onHead(data, now);
        },
      },
    });
    socket.setNoDelay(true);
    socket.on('error', (err) => fail(err));
    socket.on('close', () => {
      clearTimeout(timer);
      if (!settled) return fail(new Error('closed before upgrade'));
      onClose();
    });
    const auth = token ? `Authorization: Bearer ${token}\r\n` : '';
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${auth}\r\n`,
    );
  });
