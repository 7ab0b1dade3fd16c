import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';

// The raw WebSocket reader against the `ws` server: every frame length encoding, fragmented
// messages, the subscription it sends, and pings answered (or the server would drop it).

type OpenWsReader = (options: {
  host: string;
  port: number;
  path: string;
  subscribe: string;
  onMessage: (buf: Buffer, start: number, end: number, now: bigint) => void;
  onClose: () => void;
}) => Promise<{ close: () => void }>;

// The bench tools are plain .mjs (run without a build); load it untyped and type it here.
const wsModule: string = './ws-reader.mjs';
const { openWsReader } = (await import(wsModule)) as { openWsReader: OpenWsReader };

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const listen = async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(wss);
  await new Promise((r) => wss.once('listening', r));
  return { wss, port: (wss.address() as AddressInfo).port };
};

describe('openWsReader', () => {
  it.each([
    ['short (7-bit length)', 'x'.repeat(100)],
    ['medium (16-bit length)', 'y'.repeat(1700)],
    ['long (64-bit length)', 'z'.repeat(70_000)],
  ])('receives a %s message whole and sends its subscription', async (_name, message) => {
    const { wss, port } = await listen();
    const subscriptions: string[] = [];
    wss.on('connection', (ws) =>
      ws.on('message', (data) => {
        subscriptions.push(String(data));
        ws.send(message);
        ws.send('end');
      }),
    );
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      openWsReader({
        host: '127.0.0.1',
        port,
        path: '/api/v1/streaming',
        subscribe: '{"type":"subscribe","stream":"hashtag","tag":"x"}',
        onMessage: (buf, start, end) => {
          const text = buf.toString('utf8', start, end);
          if (text === 'end') resolve();
          else received.push(text);
        },
        onClose: () => {},
      }).catch(reject);
    });
    expect(subscriptions).toEqual(['{"type":"subscribe","stream":"hashtag","tag":"x"}']);
    expect(received).toEqual([message]);
  });

  it('joins a fragmented message and answers pings', async () => {
    const { wss, port } = await listen();
    let pong = '';
    wss.on('connection', (ws) => {
      ws.on('pong', (data) => {
        pong = String(data);
      });
      ws.on('message', () => {
        ws.ping('are-you-there');
        ws.send('first ', { fin: false });
        ws.send('second', { fin: true });
      });
    });
    const received = await new Promise<string>((resolve, reject) => {
      openWsReader({
        host: '127.0.0.1',
        port,
        path: '/',
        subscribe: '{}',
        onMessage: (buf, start, end) => resolve(buf.toString('utf8', start, end)),
        onClose: () => {},
      }).catch(reject);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toBe('first second');
    expect(pong).toBe('are-you-there');
  });
});
