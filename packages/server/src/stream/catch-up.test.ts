import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/events';
import { SseReader } from './sse';

/** A response whose unsent bytes grow with each write and are sent (with 'drain') when the test says. */
class DrainingResponse extends EventEmitter {
  writableLength = 0;
  written: string[] = [];
  destroyed = false;
  write(chunk: string | Buffer) {
    this.written.push(String(chunk));
    this.writableLength += Buffer.byteLength(chunk);
    return false;
  }
  flush() {
    this.writableLength = 0;
    this.emit('drain');
  }
  end() {}
  destroy() {
    this.destroyed = true;
    queueMicrotask(() => this.emit('close'));
  }
}

const backlog = (count: number, size: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    event: 'update',
    payload: `{"n":${i + 1},"pad":"${'x'.repeat(size)}"}`,
    accountId: 1,
    topic: 'tag:x',
  })) satisfies (StoredEvent & { topic: string })[];

describe('catching up a reader that missed more than its buffer holds', () => {
  it('writes the whole backlog as the client reads it, without dropping the reader as slow', async () => {
    const res = new DrainingResponse();
    const reader = new SseReader(res as unknown as ServerResponse, 4096);
    reader.topics.set('tag:x', ['hashtag', 'x']);
    const flusher = setInterval(() => res.flush(), 1);

    reader.beginCatchUp();
    const written = await reader.endCatchUp(backlog(50, 500));
    clearInterval(flusher);

    expect(written).toBe(50);
    expect(reader.closed).toBe(false);
    expect(res.destroyed).toBe(false);
    expect(res.written.map((w) => Number(/^id: (\d+)/.exec(w)?.[1]))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('stops writing the backlog once the client has gone', async () => {
    const res = new DrainingResponse();
    const reader = new SseReader(res as unknown as ServerResponse, 4096);
    reader.topics.set('tag:x', ['hashtag', 'x']);

    reader.beginCatchUp();
    const pending = reader.endCatchUp(backlog(50, 500));
    setTimeout(() => res.emit('close'), 5);
    await pending;

    expect(reader.closed).toBe(true);
    expect(res.written.length).toBeLessThan(50);
  });
});

describe('an event the store gave before the bus did', () => {
  it('is written once: a catch-up read from the database can be ahead of this instance’s bus, whose message for the same event comes after', async () => {
    const res = new DrainingResponse();
    const reader = new SseReader(res as unknown as ServerResponse, 1 << 20);
    reader.topics.set('tag:x', ['hashtag', 'x']);
    const events = backlog(3, 10);

    reader.beginCatchUp();
    // Event 2 arrives on the bus while the catch-up runs; event 3 only after it (another
    // instance committed it, the store already had it, this instance's bus was behind).
    reader.deliver('tag:x', events[1], {});
    await reader.endCatchUp(events);
    reader.deliver('tag:x', events[2], {});
    // A new event after the catch-up still flows.
    reader.deliver('tag:x', { ...events[0], id: 4, payload: '{"n":4}' }, {});

    expect(res.written.map((w) => Number(/^id: (\d+)/.exec(w)?.[1]))).toEqual([1, 2, 3, 4]);
  });
});
