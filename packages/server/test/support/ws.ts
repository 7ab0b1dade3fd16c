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
    this.socket.on('message', (data) => this.messages.push(JSON.parse(String(data))));
    this.socket.on('close', () => {
      this.closed = true;
    });
  }

  send(msg: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(msg));
  }

  async waitFor(predicate: (m: WsMessage[]) => boolean, timeoutMs = 5000): Promise<WsMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for WebSocket messages; got ${JSON.stringify(this.messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.messages;
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
