import { Redis } from 'ioredis';
import type { StoredEvent } from '../store/events';
import { type Bus, type BusHandler, decodeBusMessage, encodeBusMessage } from './bus';

const PREFIX = 'hashchat:';

/**
 * Redis pub/sub: one channel per topic. ioredis resubscribes by itself after a reconnect;
 * we tell the hub so readers can re-read what passed while Redis was away.
 */
export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private handler: BusHandler = () => {};
  private reconnectHandlers: (() => void)[] = [];
  private readyOnce = false;

  constructor(url: string) {
    const opts = { maxRetriesPerRequest: null, retryStrategy: (n: number) => Math.min(n * 100, 2000) };
    this.pub = new Redis(url, { ...opts, lazyConnect: false });
    this.sub = new Redis(url, { ...opts, lazyConnect: false });
    this.pub.on('error', () => {});
    this.sub.on('error', () => {});
    this.sub.on('message', (channel: string, raw: string) => {
      this.handler(channel.slice(PREFIX.length), decodeBusMessage(raw));
    });
    this.sub.on('ready', () => {
      if (this.readyOnce) for (const h of this.reconnectHandlers) h();
      this.readyOnce = true;
    });
  }

  async publish(topic: string, event: StoredEvent): Promise<void> {
    await this.pub.publish(PREFIX + topic, encodeBusMessage(event));
  }
  async subscribe(topic: string): Promise<void> {
    await this.sub.subscribe(PREFIX + topic);
  }
  async unsubscribe(topic: string): Promise<void> {
    await this.sub.unsubscribe(PREFIX + topic);
  }
  onMessage(handler: BusHandler): void {
    this.handler = handler;
  }
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }
  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
