import WebSocket from 'ws';

/** One message of Mastodon's WebSocket streaming API. */
export interface WsMessage {
  stream?: string[];
  event?: string;
  payload?: string;
  id?: string;
  error?: string;
}

/** A WebSocket stream client for tests: collects parsed messages; `waitFor` like SseClient. */
export class WsClient {
  readonly messages: WsMessage[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  /** The HTTP status when the upgrade was refused. */
  refusedWith: number | null = null;
  closed = false;
  private waiters: (() => void)[] = [];

  constructor(
    url: string,
    opts: { headers?: Record<string, string>; protocols?: string[]; localAddress?: string } = {},
  ) {
    this.socket = new WebSocket(url, opts.protocols ?? [], {
      headers: opts.headers,
      localAddress: opts.localAddress,
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_req, res) => {
        this.refusedWith = res.statusCode ?? 0;
        reject(new Error(`refused with ${res.statusCode}`));
      });
      this.socket.once('error', reject);
    });
    this.opened.catch(() => {});
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)));
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('close', () => {
      this.closed = true;
    });
  }

  send(msg: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(msg));
  }

  /** Waits until `predicate` holds over the messages received so far (checked on each message). */
  async waitFor(predicate: (m: WsMessage[]) => boolean, timeoutMs = 5000): Promise<WsMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for WebSocket messages; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.messages;
  }

  /**
   * Sends `subscribe` (or `unsubscribe`) asking for hashchat's acknowledgement, and resolves
   * once it arrives: from then on the stream's events reach this socket (or no longer do).
   */
  async subscribe(
    msg: Record<string, unknown>,
    type: 'subscribe' | 'unsubscribe' = 'subscribe',
  ): Promise<void> {
    const event = type === 'subscribe' ? 'hashchat.subscribed' : 'hashchat.unsubscribed';
    const seen = this.messages.filter((m) => m.event === event || m.error).length;
    this.send({ type, ...msg, ack: true });
    const msgs = await this.waitFor((m) => m.filter((x) => x.event === event || x.error).length > seen);
    const last = msgs.filter((m) => m.event === event || m.error).at(-1)!;
    if (last.error) throw new Error(`${type} failed: ${last.error}`);
  }

  /** Resolves once a subscription asked for in the URL (`?stream=…&ack=true`) is live. */
  async subscribed(): Promise<void> {
    await this.waitFor((m) => m.some((x) => x.event === 'hashchat.subscribed'));
  }

  unsubscribe(msg: Record<string, unknown>): Promise<void> {
    return this.subscribe(msg, 'unsubscribe');
  }

  close(): void {
    this.socket.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `p`'s value, or a rejection once `ms` have passed without one. */
export async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
