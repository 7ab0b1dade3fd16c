import type { StoredEvent } from '../store/events';

export type BusHandler = (topic: string, event: StoredEvent) => void;

/**
 * Pub/sub between the processes of one instance set. Topics: `tag:<name>`, `public`,
 * `public:local`, `account:<id>`, `user:<id>`, `chat:<id>`. Publish only what is committed.
 */
export interface Bus {
  publish(topic: string, event: StoredEvent): Promise<void>;
  /** Subscribes the process to a topic; the hub calls this once per topic (reference-counted). */
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  /** The single receiver of every message on every subscribed topic (the stream hub). */
  onMessage(handler: BusHandler): void;
  /** Called after a reconnect: messages may have been lost, readers should re-read from the store. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/** Wire format between processes: three header lines and the payload, so the payload is never re-escaped. */
export function encodeBusMessage(e: StoredEvent): string {
  return `${e.id}\n${e.event}\n${e.accountId ?? ''}\n${e.payload}`;
}

export function decodeBusMessage(raw: string): StoredEvent {
  const a = raw.indexOf('\n');
  const b = raw.indexOf('\n', a + 1);
  const c = raw.indexOf('\n', b + 1);
  const account = raw.slice(b + 1, c);
  return {
    id: Number(raw.slice(0, a)),
    event: raw.slice(a + 1, b),
    accountId: account === '' ? null : Number(account),
    payload: raw.slice(c + 1),
  };
}
