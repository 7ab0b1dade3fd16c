import { isDeepStrictEqual } from 'node:util';
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { casKv, deleteKv, getKv, listKv, putKv, sweepKv } from '../store/federation-kv';
import type { Store } from '../store/open-store';
import { durationMs } from './duration';

export interface StoreKvStoreOptions {
  now?: () => number;
  /** How often, at most, a write with a TTL also deletes what has expired. */
  sweepEveryMs?: number;
  log?: { warn(obj: unknown, msg: string): void };
}

const LIST_PAGE = 500;
const DEFAULT_SWEEP_MS = 5 * 60_000;

/**
 * Fedify's key–value store on our database (table `federation_kv`): actor keys, fetched
 * documents, idempotency records and circuit-breaker state survive restarts and are shared
 * by every instance. Expired entries are invisible at once and deleted by an occasional sweep.
 */
export class StoreKvStore implements KvStore {
  private readonly now: () => number;
  private readonly sweepEveryMs: number;
  private lastSweep = 0;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly store: Pick<Store, 'db' | 'dialect'>,
    private readonly opts: StoreKvStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.sweepEveryMs = opts.sweepEveryMs ?? DEFAULT_SWEEP_MS;
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const text = await getKv(this.store.db, encodeKey(key), this.now());
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    await putKv(this.store.db, encodeKey(key), encodeValue(value), this.expiresAt(options));
    if (options?.ttl) this.maybeSweep();
  }

  async delete(key: KvKey): Promise<void> {
    await deleteKv(this.store.db, encodeKey(key));
  }

  async cas(
    key: KvKey,
    expectedValue: unknown,
    newValue: unknown,
    options?: KvStoreSetOptions,
  ): Promise<boolean> {
    // Compared as JSON values: what was stored is what JSON keeps of it.
    const expected = expectedValue === undefined ? undefined : JSON.parse(encodeValue(expectedValue));
    return casKv(
      this.store.db,
      this.store.dialect,
      encodeKey(key),
      (current) => isDeepStrictEqual(current === undefined ? undefined : JSON.parse(current), expected),
      encodeValue(newValue),
      this.expiresAt(options),
      this.now(),
    );
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const range = prefix ? prefixRange(prefix) : null;
    let after: string | null = null;
    for (;;) {
      const rows = await listKv(this.store.db, range, after, LIST_PAGE, this.now());
      for (const row of rows) yield { key: JSON.parse(row.key) as KvKey, value: JSON.parse(row.value) };
      if (rows.length < LIST_PAGE) return;
      after = rows[rows.length - 1].key;
    }
  }

  /** Deletes expired entries now; returns how many. */
  async sweepExpired(): Promise<number> {
    this.lastSweep = this.now();
    return sweepKv(this.store.db, this.now());
  }

  private expiresAt(options?: KvStoreSetOptions): number | null {
    return options?.ttl ? this.now() + Math.max(0, durationMs(options.ttl)) : null;
  }

  private maybeSweep(): void {
    if (this.sweeping || this.now() - this.lastSweep < this.sweepEveryMs) return;
    this.sweeping = this.sweepExpired()
      .then(() => undefined)
      .catch((err) => this.opts.log?.warn({ err }, 'federation key-value sweep failed'))
      .finally(() => {
        this.sweeping = null;
      });
  }
}

/** A key as its JSON text: every part quoted and escaped, so parts never run into each other. */
function encodeKey(key: KvKey): string {
  return JSON.stringify(key);
}

function encodeValue(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * The stored keys under a prefix: the prefix's JSON text without its closing bracket, followed
 * by `]` (the prefix itself) or `,` (a longer key). Nothing else can follow a closing quote in
 * JSON, and `,` < `]` < `^`, so the range [text + ',', text + '^') holds exactly those keys.
 */
export function prefixRange(prefix: KvKey): { from: string; to: string } {
  const open = encodeKey(prefix).slice(0, -1);
  return { from: `${open},`, to: `${open}^` };
}
