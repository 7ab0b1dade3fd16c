import fs from 'node:fs';

/** The process's open-file limit (`ulimit -n`, the soft one), or null where /proc cannot say. */
export function readFdLimit(file = '/proc/self/limits'): number | null {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync(file, 'utf8'));
    return m && m[1] !== 'unlimited' ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Descriptors this process holds now, or null where /proc cannot say (read off the event loop). */
export async function countOpenFds(): Promise<number | null> {
  try {
    return (await fs.promises.readdir('/proc/self/fd')).length;
  } catch {
    return null;
  }
}

/**
 * How many streams the process may hold: every stream is a socket, so streams alone must never
 * use the descriptors that `/health`, ordinary requests, the database and Redis need. A quarter
 * of the limit, and at least 128, stays for them. No limit known: no cap from here.
 */
export function streamCapFor(fdLimit: number | null): number {
  if (fdLimit === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, fdLimit - Math.max(128, Math.ceil(fdLimit / 4)));
}

/**
 * Looks at the open descriptors now and then and warns once when they cross 80 % of the limit
 * (again only after they fell below 70 %), so an operator hears of it before requests fail.
 */
export class FdWatch {
  private warned = false;

  constructor(
    private readonly limit: number | null,
    private readonly log: { warn(obj: unknown, msg: string): void },
    private readonly count: () => Promise<number | null> = countOpenFds,
  ) {}

  /** Counts the open descriptors (null when unknown), warning on the way up past 80 %. */
  async check(): Promise<number | null> {
    const open = await this.count();
    if (open === null || this.limit === null) return open;
    if (!this.warned && open >= this.limit * 0.8) {
      this.warned = true;
      this.log.warn(
        { openFds: open, fdLimit: this.limit },
        'open file descriptors above 80% of the limit: raise `ulimit -n` or add instances',
      );
    } else if (this.warned && open < this.limit * 0.7) this.warned = false;
    return open;
  }
}
