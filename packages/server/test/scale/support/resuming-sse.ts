/** One event as a resuming client saw it: which instance sent it and when it arrived. */
export interface ReceivedEvent {
  id: number;
  event: string;
  data: string;
  at: number;
  via: string;
}

/**
 * An SSE client that behaves like a browser's EventSource behind a load balancer: when its
 * connection ends it reconnects, to the next instance in `bases`, with `Last-Event-ID`.
 */
export class ResumingSse {
  readonly events: ReceivedEvent[] = [];
  /** When each connection ended unasked (instance gone), and when the next one opened. */
  readonly drops: { endedAt: number; reopenedAt: number | null; via: string | null }[] = [];
  private controller = new AbortController();
  private closed = false;
  private current = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly bases: string[],
    private readonly path: string,
  ) {}

  private markLive: (() => void) | null = null;

  /**
   * Opens the first connection; resolves once the stream is live: its opening comment (`:)`) is
   * written only once the server has subscribed every topic, so nothing posted after is missed.
   */
  open(): Promise<void> {
    const live = new Promise<void>((resolve) => {
      this.markLive = resolve;
    });
    return this.connect().then(() => live);
  }

  private async connect(): Promise<void> {
    const base = this.bases[this.current % this.bases.length];
    const last = this.events.at(-1);
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (last) headers['last-event-id'] = String(last.id);
    const res = await fetch(base + this.path, { headers, signal: this.controller.signal });
    if (!res.ok || !res.body) throw new Error(`stream ${base}: ${res.status}`);
    const drop = this.drops.at(-1);
    if (drop && drop.reopenedAt === null) {
      drop.reopenedAt = Date.now();
      drop.via = base;
    }
    void this.read(res.body, base);
  }

  private async read(body: ReadableStream<Uint8Array>, via: string): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        if (this.markLive && buf.startsWith(':')) {
          this.markLive();
          this.markLive = null;
        }
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e: ReceivedEvent = { id: 0, event: 'message', data: '', at: Date.now(), via };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || line === '') continue;
            const k = line.slice(0, line.indexOf(':'));
            const v = line.slice(line.indexOf(':') + 1).replace(/^ /, '');
            if (k === 'id') e.id = Number(v);
            else if (k === 'event') e.event = v;
            else if (k === 'data') e.data += v;
            isEvent = true;
          }
          if (isEvent) {
            this.events.push(e);
            for (const w of this.waiters.splice(0)) w();
          }
        }
      }
    } catch {
      /* connection reset or aborted */
    }
    if (this.closed) return;
    this.drops.push({ endedAt: Date.now(), reopenedAt: null, via: null });
    this.current++;
    for (;;) {
      if (this.closed) return;
      try {
        await this.connect();
        return;
      } catch {
        this.current++;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Waits until `predicate` holds over the events received so far. */
  async waitFor(
    predicate: (events: ReceivedEvent[]) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; ${this.events.length} events received`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.events;
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }
}
