import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SseReader } from '../src/stream/sse';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { STREAM_MAX_BUFFERED_KB: '16' } });
});
afterAll(async () => {
  await server?.close();
});

/** A response that never drains: whatever is written stays in its backlog. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  writeHead() {
    return this;
  }
  write(chunk: string | Buffer) {
    this.writableLength += Buffer.byteLength(chunk);
    return false;
  }
  end() {}
  destroy() {
    this.destroyed = true;
    setImmediate(() => this.emit('close'));
  }
}

const metric = async (name: string) =>
  Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);

describe('a slow stream reader', () => {
  it('is closed once its backlog passes STREAM_MAX_BUFFERED_KB, and counted as dropped', async () => {
    const { api } = await registerUser(server.url);
    const res = new StuckResponse();
    const reader = new SseReader(res as unknown as ServerResponse, server.ctx.config.stream.maxBufferedBytes);
    reader.topics.set('tag:slowpoke', ['hashtag', 'slowpoke']);
    const dropped = await metric('hashchat_stream_dropped_slow_total');
    await server.ctx.hub.attach(reader, null);
    expect(await metric('hashchat_streams_open')).toBe(1);
    const big = 'x'.repeat(450);
    for (let i = 0; i < 60 && !res.destroyed; i++)
      await api.post('/api/v1/statuses', { status: `${big} ${i} #slowpoke` });
    await vi.waitFor(() => expect(res.destroyed).toBe(true));
    expect(reader.closed).toBe(true);
    expect(res.writableLength).toBeLessThanOrEqual(16 * 1024 + 4096);
    expect(await metric('hashchat_stream_dropped_slow_total')).toBe(dropped + 1);
    expect(await metric('hashchat_streams_open')).toBe(0);
  });

  it('a fast reader of the same topic keeps receiving', async () => {
    const { api } = await registerUser(server.url);
    const { SseClient } = await import('./support/sse');
    const fast = new SseClient(`${server.url}/api/v1/streaming/hashtag?tag=slowpoke`);
    await fast.live;
    const res = new StuckResponse();
    res.writableLength = 1_000_000;
    const slow = new SseReader(res as unknown as ServerResponse, server.ctx.config.stream.maxBufferedBytes);
    slow.topics.set('tag:slowpoke', ['hashtag', 'slowpoke']);
    await server.ctx.hub.attach(slow, null);
    const s = (await api.post('/api/v1/statuses', { status: 'still flowing #slowpoke' })).body;
    const events = await fast.waitFor((e) => e.some((x) => x.event === 'update'));
    expect(JSON.parse(events.find((x) => x.event === 'update')!.data).id).toBe(s.id);
    expect(slow.closed).toBe(true);
    fast.close();
  });
});
