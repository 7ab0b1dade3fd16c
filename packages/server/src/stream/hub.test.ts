import { describe, expect, it, vi } from 'vitest';
import type { Bus, BusHandler } from '../bus/bus';
import type { StoredEvent } from '../store/events';
import { StreamHub } from './hub';
import { type FrameCache, Reader } from './reader';
import type { Revocation } from './revocation';

/** A bus the test drives by hand: it delivers what the test says, in the order the test says. */
class ManualBus implements Bus {
  handler: BusHandler = () => {};
  reconnect: () => void = () => {};
  readonly subscribed = new Set<string>();
  async publish() {}
  async subscribe(topic: string) {
    this.subscribed.add(topic);
  }
  async unsubscribe(topic: string) {
    this.subscribed.delete(topic);
  }
  onMessage(h: BusHandler) {
    this.handler = h;
    return () => {};
  }
  onReconnect(h: () => void) {
    this.reconnect = h;
  }
  async close() {}
}

class ListReader extends Reader {
  readonly got: number[] = [];
  protected write(_topic: string, event: StoredEvent, _frames: FrameCache) {
    this.got.push(event.id);
  }
  heartbeat() {}
  close() {
    this.closed = true;
  }
}

const ev = (id: number): StoredEvent => ({ id, event: 'update', payload: `{"id":"${id}"}`, accountId: 1 });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** One topic `tag:x` whose committed events (the store) are `ids`, with a reader attached "from now". */
async function setUp(storeIds: number[], gapWaitMs = 20, onRevoked?: (r: Revocation) => void) {
  const store = [...storeIds];
  const bus = new ManualBus();
  let reads = 0;
  const hub = new StreamHub(bus, {
    heartbeatSeconds: 60,
    gapWaitMs,
    readSince: async (_topics, after, limit) => {
      reads++;
      return store
        .filter((id) => id > after)
        .slice(0, limit)
        .map((id) => ({ ...ev(id), topic: 'tag:x' }));
    },
    latestId: async () => Math.max(0, ...store),
    metrics: { openStreams() {}, delivered() {}, dropped() {} },
    log: { warn() {} },
    onRevoked,
  });
  const reader = new ListReader();
  reader.topics.set('tag:x', ['hashtag', 'x']);
  await hub.attach(reader, null);
  const commit = (id: number) => store.push(id);
  const send = (id: number, prev: number | null) => bus.handler('tag:x', ev(id), prev);
  return { hub, bus, reader, commit, send, reads: () => reads };
}

describe('StreamHub ordering per topic', () => {
  it('starts from now: what was committed before the subscription is not sent', async () => {
    const { hub, reader, commit, send } = await setUp([1, 2, 3]);
    commit(4);
    send(4, 3);
    expect(reader.got).toEqual([4]);
    hub.close();
  });

  it('holds an event that arrives before its predecessor, then sends both in id order', async () => {
    const { hub, reader, commit, send } = await setUp([1]);
    commit(2);
    commit(3);
    send(3, 2);
    expect(reader.got).toEqual([]);
    send(2, 1);
    expect(reader.got).toEqual([2, 3]);
    hub.close();
  });

  it('reads a lost message back from the store when its successor has waited long enough', async () => {
    const { hub, reader, commit, send } = await setUp([1]);
    commit(2); // published while Redis was away: never arrives
    commit(3);
    send(3, 2);
    await tick(60);
    expect(reader.got).toEqual([2, 3]);
    send(2, 1); // a late duplicate is ignored
    expect(reader.got).toEqual([2, 3]);
    hub.close();
  });

  it('after a bus reconnect, reads back what passed meanwhile, once', async () => {
    const { hub, bus, reader, commit, send } = await setUp([1]);
    commit(2);
    send(2, 1);
    commit(3);
    commit(4);
    bus.reconnect();
    await tick(5);
    expect(reader.got).toEqual([2, 3, 4]);
    send(4, 3);
    commit(5);
    send(5, 4);
    expect(reader.got).toEqual([2, 3, 4, 5]);
    hub.close();
  });

  it('sends events with no known predecessor (prev null) at once', async () => {
    const { hub, reader, send } = await setUp([]);
    send(7, null);
    send(9, null);
    expect(reader.got).toEqual([7, 9]);
    hub.close();
  });

  it('subscribes once per topic and unsubscribes when the last reader leaves', async () => {
    const { hub, bus, reader } = await setUp([]);
    const second = new ListReader();
    second.topics.set('tag:x', ['hashtag', 'x']);
    await hub.attach(second, null);
    expect([...bus.subscribed]).toEqual(['tag:x']);
    reader.onClose('client');
    expect(bus.subscribed.has('tag:x')).toBe(true);
    second.onClose('client');
    await tick();
    expect(bus.subscribed.has('tag:x')).toBe(false);
    hub.close();
  });
});

class CountingReader extends ListReader {
  beats = 0;
  override heartbeat() {
    this.beats++;
  }
}

describe('StreamHub heartbeats', () => {
  it('spreads them over the interval: one slot of readers per second, every reader once per interval', async () => {
    vi.useFakeTimers();
    try {
      const hub = new StreamHub(new ManualBus(), {
        heartbeatSeconds: 3,
        readSince: async () => [],
        latestId: async () => 0,
        metrics: { openStreams() {}, delivered() {}, dropped() {} },
        log: { warn() {} },
      });
      const readers = Array.from({ length: 6 }, () => new CountingReader());
      for (const r of readers) {
        r.topics.set('tag:x', ['hashtag', 'x']);
        await hub.attach(r, null);
      }
      await vi.advanceTimersByTimeAsync(1000);
      expect(readers.filter((r) => r.beats === 1)).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2000);
      expect(readers.map((r) => r.beats)).toEqual([1, 1, 1, 1, 1, 1]);
      await vi.advanceTimersByTimeAsync(3000);
      expect(readers.map((r) => r.beats)).toEqual([2, 2, 2, 2, 2, 2]);
      hub.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('StreamHub revocations', () => {
  /** Three readers on `tag:x`: token 1 of account 10, token 2 of account 10, token 3 of account 20. */
  async function readers() {
    const revoked: Revocation[] = [];
    const { hub, bus } = await setUp([], 20, (r) => revoked.push(r));
    await hub.listen();
    const made = [
      [1, 10],
      [2, 10],
      [3, 20],
    ].map(([tokenId, accountId]) => {
      const r = new ListReader();
      r.tokenId = tokenId;
      r.accountId = accountId;
      r.topics.set('tag:x', ['hashtag', 'x']);
      return r;
    });
    for (const r of made) await hub.attach(r, null);
    return { hub, bus, made, revoked };
  }

  it.each([
    [{ tokenId: 2 }, [false, true, false]],
    [{ accountId: 10 }, [true, true, false]],
  ])(
    'closes the readers opened with %o, here and when another instance says so',
    async (revocation, closed) => {
      const here = await readers();
      await here.hub.revoke(revocation);
      expect(here.made.map((r) => r.closed)).toEqual(closed);
      expect(here.revoked).toEqual([revocation]);
      here.hub.close();

      const there = await readers();
      expect(there.bus.subscribed.has('hashchat:revoked')).toBe(true);
      there.bus.handler(
        'hashchat:revoked',
        { id: 0, event: 'hashchat.revoked', accountId: null, payload: JSON.stringify(revocation) },
        null,
      );
      expect(there.made.map((r) => r.closed)).toEqual(closed);
      expect(there.revoked).toEqual([revocation]);
      there.hub.close();
    },
  );
});

describe('StreamHub live signal', () => {
  it('tells a reader it is live only once every topic is subscribed on the bus', async () => {
    const bus = new ManualBus();
    const held: (() => void)[] = [];
    bus.subscribe = (topic: string) =>
      new Promise<void>((resolve) =>
        held.push(() => {
          bus.subscribed.add(topic);
          resolve();
        }),
      );
    const hub = new StreamHub(bus, {
      heartbeatSeconds: 60,
      gapWaitMs: 20,
      readSince: async () => [],
      latestId: async () => 0,
      metrics: { openStreams() {}, delivered() {}, dropped() {} },
      log: { warn() {} },
    });
    const seen: string[] = [];
    const reader = new (class extends ListReader {
      override live() {
        seen.push(`live with ${[...bus.subscribed].sort().join(',')}`);
      }
    })();
    reader.topics.set('tag:x', ['hashtag', 'x']);
    reader.topics.set('tag:y', ['hashtag', 'y']);
    const attached = hub.attach(reader, null);
    await tick();
    expect(seen).toEqual([]);
    held.shift()!();
    await tick();
    expect(seen).toEqual([]);
    held.shift()!();
    await attached;
    expect(seen).toEqual(['live with tag:x,tag:y']);
    hub.close();
  });
});
