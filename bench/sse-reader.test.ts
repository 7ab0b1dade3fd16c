import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

// The reader must find every event and every marker however TCP splits the bytes: inside a
// chunk-size line, inside a marker, between the two newlines that end an event.

type Reader = { close: () => void };
type OpenSseReader = (options: {
  host: string;
  port: number;
  path: string;
  onEvent: (buf: Buffer, start: number, end: number, now: bigint) => void;
  onClose: () => void;
}) => Promise<Reader>;
type ScanMarker = (buf: Buffer, start: number, end: number, prefix: Buffer) => number;

// The bench tools are plain .mjs (run without a build); load them untyped and type them here.
const sseModule: string = './sse-reader.mjs';
const markerModule: string = './marker.mjs';
const { openSseReader } = (await import(sseModule)) as { openSseReader: OpenSseReader };
const { scanMarker, markerPrefix, WARMUP, NO_MARKER } = (await import(markerModule)) as {
  scanMarker: ScanMarker;
  markerPrefix: (run: string) => Buffer;
  WARMUP: number;
  NO_MARKER: number;
};

const events = [
  ':ok',
  'id: 1\nevent: update\ndata: {"content":"<p>bench-r1-0 #x</p>"}',
  'event: delete\ndata: 7',
  'id: 2\nevent: update\ndata: {"content":"<p>bench-r1-w3 #x</p>"}',
  'id: 3\nevent: update\ndata: {"content":"<p>bench-r1-12345 #x</p>"}',
];

const chunkedBody = (text: string, size: number) => {
  let out = '';
  for (let i = 0; i < text.length; i += size) {
    const part = text.slice(i, i + size);
    out += `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`;
  }
  return `${out}0\r\n\r\n`;
};

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that answers with `events`, written `split` bytes per TCP write. */
const serve = async (chunked: boolean, split: number, stream = events.map((e) => `${e}\n\n`).join('')) => {
  const head = `HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n${chunked ? 'transfer-encoding: chunked\r\n' : ''}\r\n`;
  const bytes = Buffer.from(head + (chunked ? chunkedBody(stream, 40) : stream));
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.once('data', async () => {
      for (let i = 0; i < bytes.length; i += split) {
        socket.write(bytes.subarray(i, i + split));
        await new Promise((r) => setImmediate(r));
      }
      socket.end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
};

const readAll = async (port: number) => {
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    openSseReader({
      host: '127.0.0.1',
      port,
      path: '/api/v1/streaming/hashtag?tag=x',
      onEvent: (buf, start, end) => seen.push(buf.toString('utf8', start, end)),
      onClose: resolve,
    }).catch(reject);
  });
  return seen;
};

describe('openSseReader', () => {
  it.each([
    { chunked: true, split: 1 },
    { chunked: true, split: 5 },
    { chunked: true, split: 4096 },
    { chunked: false, split: 1 },
    { chunked: false, split: 7 },
  ])('yields every event whole (chunked $chunked, $split-byte writes)', async ({ chunked, split }) => {
    expect(await readAll(await serve(chunked, split))).toEqual(events);
  });

  // The server's comments end in one newline (as Mastodon's do), so they ride at the head of
  // the next event: the reader's callers look for `event: update` inside the event, not at its start.
  it('yields each event with the comments written before it when comments end in one newline', async () => {
    const stream =
      ':)\n:thump\nid: 1\nevent: update\ndata: {"id":"1"}\n\n:thump\nid: 2\nevent: update\ndata: {"id":"2"}\n\n';
    expect(await readAll(await serve(true, 3, stream))).toEqual([
      ':)\n:thump\nid: 1\nevent: update\ndata: {"id":"1"}',
      ':thump\nid: 2\nevent: update\ndata: {"id":"2"}',
    ]);
  });

  it('rejects a response that is not 200', async () => {
    const server = net.createServer((s) => s.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n'));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await expect(
      openSseReader({ host: '127.0.0.1', port, path: '/', onEvent: () => {}, onClose: () => {} }),
    ).rejects.toThrow('HTTP 401');
  });
});

describe('scanMarker', () => {
  it.each([
    ['<p>bench-r1-0 #x</p>', 0],
    ['<p>bench-r1-12345 #x</p>', 12345],
    ['<p>bench-r1-w3 #x</p>', 'warmup'],
    ['<p>bench-r2-4 #x</p>', 'none'],
    ['<p>bench-r1- #x</p>', 'none'],
    ['<p>hello #x</p>', 'none'],
  ])('reads %j as %s', (text, expected) => {
    const buf = Buffer.from(text);
    const want = expected === 'warmup' ? WARMUP : expected === 'none' ? NO_MARKER : expected;
    expect(scanMarker(buf, 0, buf.length, markerPrefix('r1'))).toBe(want);
  });

  it('ignores a marker past the end of the event', () => {
    const buf = Buffer.from(':ok\n\nevent: update\ndata: bench-r1-9');
    expect(scanMarker(buf, 0, 3, markerPrefix('r1'))).toBe(NO_MARKER);
  });
});
