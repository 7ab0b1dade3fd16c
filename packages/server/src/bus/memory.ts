import type { StoredEvent } from '../store/events';
import type { Bus, BusHandler } from './bus';

/** The in-process bus of a single instance: delivery is a function call. */
export class MemoryBus implements Bus {
  private readonly topics = new Set<string>();
  private readonly handlers = new Set<BusHandler>();

  async publish(topic: string, event: StoredEvent, prev: number | null): Promise<void> {
    if (this.topics.has(topic)) for (const h of this.handlers) h(topic, event, prev);
  }
  async subscribe(topic: string): Promise<void> {
    this.topics.add(topic);
  }
  async unsubscribe(topic: string): Promise<void> {
    this.topics.delete(topic);
  }
  onMessage(handler: BusHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  onReconnect(): void {}
  async close(): Promise<void> {
    this.topics.clear();
  }
}
