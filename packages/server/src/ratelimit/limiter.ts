/** A fixed-window counter shared by whichever instances share its backing store. */
export interface RateLimiter {
  /** Counts one hit on `key`; returns the count in the current window and when it resets (epoch ms). */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetAt: number }>;
  /** The count on `key` in its current window (0 when none is open), without counting a hit. */
  peek(key: string, windowSeconds: number): Promise<number>;
  /** When the open window on `key` ends (epoch ms), or null when none is open; counts no hit. */
  windowEnd(key: string, windowSeconds: number): Promise<number | null>;
  close(): Promise<void>;
}

/** In-process counters: enough for one instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly now: () => number) {
    this.sweep = setInterval(() => {
      const t = this.now();
      for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
    }, 60_000);
    this.sweep.unref();
  }

  async hit(key: string, windowSeconds: number) {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + windowSeconds * 1000 };
      this.windows.set(key, w);
    }
    w.count++;
    return { ...w };
  }

  async peek(key: string) {
    const w = this.windows.get(key);
    return w && w.resetAt > this.now() ? w.count : 0;
  }

  async windowEnd(key: string) {
    const w = this.windows.get(key);
    return w && w.resetAt > this.now() ? w.resetAt : null;
  }

  async close() {
    clearInterval(this.sweep);
  }
}
