/** A minimal SSE reader over fetch for tests: collects events with their ids. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  private controller = new AbortController();
  private waiters: (() => void)[] = [];
  status = 0;
  opened: Promise<void>;
  /** Resolves with the stream's first comment: the server has subscribed, no later event is missed. */
  readonly live: Promise<void>;
  private markLive: () => void = () => {};
  /** Resolves when the stream ends, whoever ended it (the server, or `close`). */
  readonly ended: Promise<void>;
  private end: () => void = () => {};

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ended = new Promise((resolve) => {
      this.end = resolve;
    });
    this.live = new Promise((resolve) => {
      this.markLive = resolve;
    });
    this.opened = this.run(url, headers);
    this.opened.catch(() => this.end());
  }

  private async run(url: string, headers: Record<string, string>) {
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: this.controller.signal,
    });
    this.status = res.status;
    if (!res.ok || !res.body) {
      this.end();
      return;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    let pending: SseEvent | null = null;
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          // Line by line, as the SSE spec reads: a comment line (`:)`, `:thump`) may end in a
          // single newline, and the first one says the stream is live.
          for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
            const line = buf.slice(0, i);
            buf = buf.slice(i + 1);
            if (line.startsWith(':')) {
              this.markLive();
              continue;
            }
            if (line === '') {
              if (pending) {
                this.events.push(pending);
                for (const w of this.waiters.splice(0)) w();
              }
              pending = null;
              continue;
            }
            pending ??= { id: null, event: 'message', data: '' };
            const [k, ...rest] = line.split(':');
            const v = rest.join(':').replace(/^ /, '');
            if (k === 'id') pending.id = v;
            else if (k === 'event') pending.event = v;
            else if (k === 'data') pending.data += v;
          }
        }
      } catch {
        /* aborted */
      }
      this.end();
    })();
  }

  /** Waits until `predicate` holds over the events received so far. */
  async waitFor(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for SSE events; got ${JSON.stringify(this.events.map((e) => e.event))}`,
        );
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

  close() {
    this.controller.abort();
  }
}
