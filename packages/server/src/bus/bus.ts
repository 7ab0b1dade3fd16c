import type { StoredEvent } from '../store/events';

/** `prev`: the id of the event before this one on `topic` (see AppendedEvent), or null when unknown. */
export type BusHandler = (topic: string, event: StoredEvent, prev: number | null) => void;

/**
 * Pub/sub between the processes of one instance set. Topics: `tag:<name>`, `public`,
 * `public:local`, `account:<id>`, `user:<id>`, `chat:<id>`. Publish only what is committed.
 */
export interface Bus {
  publish(topic: string, event: StoredEvent, prev: number | null): Promise<void>;
  /** Subscribes the process to a topic; the hub calls this once per topic (reference-counted). */
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  /**
   * Adds a receiver of every message on every subscribed topic (the stream hub; federation's
   * queue wake-ups and domain-policy changes). Returns what removes it.
   */
  onMessage(handler: BusHandler): () => void;
  /** Called after a reconnect: messages may have been lost, readers should re-read from the store. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/** Wire format between processes: four header lines and the payload, so the payload is never re-escaped. */
export function encodeBusMessage(e: StoredEvent, prev: number | null): string {
  return `${e.id}\n${e.event}\n${e.accountId ?? ''}\n${prev ?? ''}\n${e.payload}`;
}

export function decodeBusMessage(raw: string): { event: StoredEvent; prev: number | null } {
  const a = raw.indexOf('\n');
  const b = raw.indexOf('\n', a + 1);
  const c = raw.indexOf('\n', b + 1);
  const d = raw.indexOf('\n', c + 1);
  const account = raw.slice(b + 1, c);
  const prev = raw.slice(c + 1, d);
  return {
    event: {
      id: Number(raw.slice(0, a)),
      event: raw.slice(a + 1, b),
      accountId: account === '' ? null : Number(account),
      payload: raw.slice(d + 1),
    },
    prev: prev === '' ? null : Number(prev),
  };
}
