import { Redis } from 'ioredis';
import type { StoredEvent } from '../store/events';
import { type Bus, type BusHandler, decodeBusMessage, encodeBusMessage } from './bus';

/**
 * Redis pub/sub: one channel per topic. ioredis reconnects and resubscribes by itself; once the
 * resubscription is confirmed we tell the hub, which re-reads from the store what passed while
 * Redis was away. While Redis is down, publishing fails fast (the write is committed; readers
 * catch up from the store) instead of holding the request until Redis returns.
 */
export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Set<BusHandler>();
  private reconnectHandlers: (() => void)[] = [];
  private subReadyOnce = false;
  private pubReadyOnce = false;

  /** `prefix` namespaces the channels (Config.redisPrefix): channel = prefix + topic. */
  constructor(
    url: string,
    private readonly prefix = 'hashchat:',
  ) {
    const retryStrategy = (n: number) => Math.min(n * 100, 2000);
    this.pub = new Redis(url, { retryStrategy, maxRetriesPerRequest: 1 });
    this.sub = new Redis(url, { retryStrategy, maxRetriesPerRequest: null });
    this.pub.on('error', () => {});
    this.sub.on('error', () => {});
    this.pub.on('ready', () => {
      this.pubReadyOnce = true;
    });
    this.sub.on('message', (channel: string, raw: string) => {
      const { event, prev } = decodeBusMessage(raw);
      const topic = channel.slice(this.prefix.length);
      for (const h of this.handlers) h(topic, event, prev);
    });
    this.sub.on('ready', () => {
      if (!this.subReadyOnce) {
        this.subReadyOnce = true;
        return;
      }
      // 'ready' fires before ioredis re-sends SUBSCRIBE; a PING answered after them proves the
      // channels are live again, so nothing published after the hub's re-read can slip past.
      this.sub.ping().then(
        () => {
          for (const h of this.reconnectHandlers) h();
        },
        () => {},
      );
    });
  }

  async publish(topic: string, event: StoredEvent, prev: number | null): Promise<void> {
    if (this.pubReadyOnce && this.pub.status !== 'ready') throw new Error(`Redis is ${this.pub.status}`);
    await this.pub.publish(this.prefix + topic, encodeBusMessage(event, prev));
  }
  async subscribe(topic: string): Promise<void> {
    const done = this.sub.subscribe(this.prefix + topic);
    // Redis away: the subscription is queued and made on reconnect, when the hub re-reads anyway.
    if (this.subReadyOnce && this.sub.status !== 'ready') {
      done.catch(() => {});
      return;
    }
    await done;
  }
  async unsubscribe(topic: string): Promise<void> {
    await this.sub.unsubscribe(this.prefix + topic);
  }
  onMessage(handler: BusHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }
  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
