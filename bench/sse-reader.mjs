// A minimal SSE client on a raw TCP socket: one GET, the status line, then the body
// (chunked or close-delimited) split into events at blank lines. Reads land in one buffer
// shared by all readers of the thread (`onread`, no stream machinery, no allocation per read)
// and the handler gets that buffer and the event's byte range, so it must not keep them.
// Lines must end in `\n` (what Node servers write); `\r\n`-separated streams are not split.
import net from 'node:net';

const LFLF = Buffer.from('\n\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const SIZE = 0;
const DATA = 1;
const CRLF = 2;
const DONE = 3;
const readBuffer = Buffer.allocUnsafe(256 * 1024);

/**
 * Opens one SSE stream. Resolves once the server answered 200 with its headers.
 * @param {{ host: string, port: number, path: string, token?: string | null, timeoutMs?: number,
 *   lastEventId?: string | number | null,
 *   onEvent: (buf: Buffer, start: number, end: number, now: bigint) => void,
 *   onClose: () => void }} options
 * @returns {Promise<{ close: () => void }>}
 */
export const openSseReader = ({
  host,
  port,
  path,
  token,
  lastEventId,
  timeoutMs = 15_000,
  onEvent,
  onClose,
}) =>
  new Promise((resolve, reject) => {
    const socket = net.connect({
      host,
      port,
      onread: {
        buffer: readBuffer,
        callback: (nread, buf) => {
          const now = process.hrtime.bigint();
          const data = buf.subarray(0, nread);
          if (!headerDone) onHead(data, now);
          else if (chunked) feedChunked(data, now);
          else feedEvents(data, now);
        },
      },
    });
    let head = null;
    let headerDone = false;
    let chunked = false;
    let state = SIZE;
    let sizeLine = '';
    let remaining = 0;
    let pending = null;
    let settled = false;

    const fail = (err) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error('timeout')), timeoutMs);

    const feedEvents = (part, now) => {
      const data = pending ? Buffer.concat([pending, part]) : part;
      let start = 0;
      let idx = data.indexOf(LFLF, start);
      while (idx !== -1) {
        onEvent(data, start, idx, now);
        start = idx + 2;
        idx = data.indexOf(LFLF, start);
      }
      // The read buffer is reused by the next read: keep a copy of the unfinished event.
      pending = start < data.length ? Buffer.from(data.subarray(start)) : null;
    };

    const feedChunked = (buf, now) => {
      let i = 0;
      while (i < buf.length && state !== DONE) {
        if (state === SIZE) {
          const nl = buf.indexOf(10, i);
          if (nl === -1) {
            sizeLine += buf.toString('latin1', i);
            return;
          }
          sizeLine += buf.toString('latin1', i, nl);
          remaining = Number.parseInt(sizeLine, 16);
          sizeLine = '';
          i = nl + 1;
          state = remaining > 0 ? DATA : DONE;
        } else if (state === DATA) {
          const n = Math.min(remaining, buf.length - i);
          feedEvents(buf.subarray(i, i + n), now);
          i += n;
          remaining -= n;
          if (remaining === 0) {
            state = CRLF;
            remaining = 2;
          }
        } else {
          const n = Math.min(remaining, buf.length - i);
          i += n;
          remaining -= n;
          if (remaining === 0) state = SIZE;
        }
      }
    };

    const onHead = (buf, now) => {
      head = head ? Buffer.concat([head, buf]) : Buffer.from(buf);
      const end = head.indexOf(HEAD_END);
      if (end === -1) {
        if (head.length > 16_384) fail(new Error('response head too large'));
        return;
      }
      const text = head.toString('latin1', 0, end);
      const status = Number(text.slice(9, 12));
      if (status !== 200) return fail(new Error(`HTTP ${status}`));
      chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(text);
      headerDone = true;
      settled = true;
      clearTimeout(timer);
      resolve({ close: () => socket.destroy() });
      const rest = head.subarray(end + 4);
      head = null;
      if (rest.length) chunked ? feedChunked(rest, now) : feedEvents(rest, now);
    };

    socket.on('error', (err) => fail(err));
    socket.on('close', () => {
      clearTimeout(timer);
      if (!settled) return fail(new Error('closed before response'));
      onClose();
    });
    const auth = token ? `Authorization: Bearer ${token}\r\n` : '';
    const resume = lastEventId ? `Last-Event-ID: ${lastEventId}\r\n` : '';
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n${auth}${resume}\r\n`,
    );
  });
