import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/events';
import { SseReader } from './sse';

/** A ServerResponse stand-in whose unsent backlog (`writableLength`) the test controls. */
class FakeResponse extends EventEmitter {
  writableLength = 0;
  chunks: string[] = [];
  status = 0;
  headers: Record<string, string> = {};
  destroyed = false;
  ended = false;
  writeHead(status: number, headers: Record<string, string>) {
    this.status = status;
    this.headers = headers;
    return this;
  }
  write(chunk: string | Buffer) {
    this.chunks.push(String(chunk));
    return true;
  }
  end() {
    this.ended = true;
    queueMicrotask(() => this.emit('close'));
  }
  destroy() {
    this.destroyed = true;
    // Like a socket: 'close' comes after destroy() returns.
    queueMicrotask(() => this.emit('close'));
  }
}

const event = (id: number, payload = '{"id":"1"}'): StoredEvent => ({
  id,
  event: 'update',
  payload,
  accountId: 1,
});

function reader(maxBufferedBytes = 1024) {
  const res = new FakeResponse();
  const r = new SseReader(res as unknown as ServerResponse, maxBufferedBytes);
  r.topics.set('tag:x', ['hashtag', 'x']);
  const closes: string[] = [];
  r.onClose = (reason) => closes.push(reason);
  return { res, r, closes };
}

describe('SseReader', () => {
  it('opens with event-stream headers and a first comment', () => {
    const { res, r } = reader();
    r.open();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['x-accel-buffering']).toBe('no');
    expect(res.chunks).toEqual([':)\n']);
  });

  it('writes each event with its id, name and payload', () => {
    const { res, r } = reader();
    expect(r.deliver('tag:x', event(7), {})).toBe(true);
    expect(res.chunks).toEqual(['id: 7\nevent: update\ndata: {"id":"1"}\n\n']);
    expect(r.lastId).toBe(7);
  });

  it('leaves out reblogs by an account followed with reblogs off, not its own posts, until shown again', () => {
    const { res, r } = reader(1 << 20);
    const reblog = '{"id":"9","reblog":{"id":"3","content":"<p>\\"reblog\\":{</p>","reblog":null}}';
    const own = '{"id":"8","content":"<p>\\"reblog\\":{\\"</p>","reblog":null}';
    const control = (id: number, shown: boolean): StoredEvent => ({
      id,
      event: 'hashchat.reblogs',
      payload: JSON.stringify({ account_id: 1, shown }),
      accountId: null,
    });
    r.deliver('tag:x', control(1, false), {});
    expect(r.deliver('tag:x', event(2, reblog), {})).toBe(false);
    expect(r.deliver('tag:x', event(3, own), {})).toBe(true);
    r.deliver('tag:x', control(4, true), {});
    expect(r.deliver('tag:x', event(5, reblog), {})).toBe(true);
    expect(res.chunks.map((c) => c.match(/^id: (\d+)/)?.[1])).toEqual(['3', '5']);
  });

  it('writes a heartbeat comment', () => {
    const { res, r } = reader();
    r.heartbeat();
    expect(res.chunks).toEqual([':thump\n']);
  });

  it('drops a reader whose backlog passes the limit: destroyed, closed once as backlog, nothing more written', async () => {
    const { res, r, closes } = reader(1024);
    r.deliver('tag:x', event(1), {});
    res.writableLength = 1025;
    expect(r.deliver('tag:x', event(2), {})).toBe(true);
    expect(res.destroyed).toBe(true);
    expect(r.closed).toBe(true);
    expect(res.chunks).toHaveLength(1);
    expect(r.deliver('tag:x', event(3), {})).toBe(false);
    r.heartbeat();
    expect(res.chunks).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closes).toEqual(['backlog']);
  });

  it('keeps a reader whose backlog is at the limit', () => {
    const { res, r } = reader(1024);
    res.writableLength = 1024;
    r.deliver('tag:x', event(1), {});
    expect(r.closed).toBe(false);
    expect(res.chunks).toHaveLength(1);
  });

  it('a client that goes away closes the reader once, as client', async () => {
    const { res, r, closes } = reader();
    res.emit('close');
    expect(r.closed).toBe(true);
    r.close('shutdown');
    expect(res.ended).toBe(false);
    expect(closes).toEqual(['client']);
  });

  it('shutdown ends the response and reports shutdown once', async () => {
    const { res, r, closes } = reader();
    r.close('shutdown');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(res.ended).toBe(true);
    expect(closes).toEqual(['shutdown']);
  });

  it('builds an event frame once and shares it between readers', () => {
    const a = reader();
    const b = reader();
    const frames = {};
    a.r.deliver('tag:x', event(5), frames);
    b.r.deliver('tag:x', event(5), frames);
    expect(a.res.chunks).toEqual(b.res.chunks);
    expect((frames as { sse?: Buffer }).sse).toBeInstanceOf(Buffer);
  });
});
