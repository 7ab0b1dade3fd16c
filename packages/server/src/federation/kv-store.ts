import { isDeepStrictEqual } from 'node:util';
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { casKv, deleteKv, getKvEntry, listKv, putKv, sweepKv } from '../store/federation-kv';
import type { Store } from '../store/open-store';
import { durationMs } from './duration';

export interface StoreKvStoreOptions {
  now?: () => number;
  /** How often, at most, a write with a TTL also deletes what has expired. */
  sweepEveryMs?: number;
  log?: { warn(obj: unknown, msg: string): void };
  /** How many entries the in-memory read cache keeps (0: none). */
  cacheEntries?: number;
  /**
   * How long a cached entry is trusted at most, whatever its TTL: another instance's write or
   * delete of the same key is seen here after at most this long.
   */
  cacheMaxAgeMs?: number;
}

interface Cached {
  text: string;
  /** When the entry itself expires (its TTL), or null. */
  expiresAt: number | null;
  /** When this copy stops being trusted (cacheMaxAgeMs after it was read or written here). */
  staleAt: number;
}

const LIST_PAGE = 500;
const DEFAULT_SWEEP_MS = 5 * 60_000;
const DEFAULT_CACHE_ENTRIES = 10_000;
const DEFAULT_CACHE_MAX_AGE_MS = 60_000;
/** Values longer than this (as JSON text) are not kept in memory. */
const CACHE_MAX_VALUE_CHARS = 64 * 1024;

/**
 * Fedify's key–value store on our database (table `federation_kv`): actor keys, fetched
 * documents, idempotency records and circuit-breaker state survive restarts and are shared
 * by every instance. Expired entries are invisible at once and deleted by an occasional sweep.
 *
 * Reads go through a bounded in-memory cache (least recently used first out): Fedify reads the
 * signer's public key and fetched documents on every inbox POST, and the same few keys over
 * and over. An entry found is kept as its JSON text with its own expiry, for at most
 * `cacheMaxAgeMs` (another instance may have replaced it); this instance's set, delete and cas
 * replace or drop it at once. Absent keys are not cached (idempotency records are looked up
 * once each), and a set caches nothing new, so one-off keys never push out the hot ones.
 */
export class StoreKvStore implements KvStore {
  private readonly now: () => number;
  private readonly sweepEveryMs: number;
  private lastSweep = 0;
  private sweeping: Promise<void> | null = null;
  private readonly cache = new Map<string, Cached>();
  private readonly cacheEntries: number;
  private readonly cacheMaxAgeMs: number;
  /** Counts this instance's writes: a read that saw one start meanwhile keeps no copy. */
  private writes = 0;

  constructor(
    private readonly store: Pick<Store, 'db' | 'dialect'>,
    private readonly opts: StoreKvStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.sweepEveryMs = opts.sweepEveryMs ?? DEFAULT_SWEEP_MS;
    this.cacheEntries = opts.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
    this.cacheMaxAgeMs = opts.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const k = encodeKey(key);
    const now = this.now();
    const hit = this.cache.get(k);
    if (hit) {
      this.cache.delete(k);
      if (now < hit.staleAt && (hit.expiresAt === null || now < hit.expiresAt)) {
        this.cache.set(k, hit); // most recently used
        return JSON.parse(hit.text) as T;
      }
    }
    const writes = this.writes;
    const entry = await getKvEntry(this.store.db, k, now);
    if (entry === undefined) return undefined;
    if (writes === this.writes) this.remember(k, entry.value, entry.expiresAt, now);
    return JSON.parse(entry.value) as T;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const k = encodeKey(key);
    const text = encodeValue(value);
    const expiresAt = this.expiresAt(options);
    // Dropped before the write: a get meanwhile reads the database, never the old copy.
    const had = this.cache.delete(k);
    this.writes++;
    await putKv(this.store.db, k, text, expiresAt);
    if (had) this.remember(k, text, expiresAt, this.now());
    if (options?.ttl) this.maybeSweep();
  }

  async delete(key: KvKey): Promise<void> {
    const k = encodeKey(key);
    this.cache.delete(k);
    this.writes++;
    await deleteKv(this.store.db, k);
    this.cache.delete(k);
  }

  async cas(
    key: KvKey,
    expectedValue: unknown,
    newValue: unknown,
    options?: KvStoreSetOptions,
  ): Promise<boolean> {
    // Compared as JSON values: what was stored is what JSON keeps of it.
    const expected = expectedValue === undefined ? undefined : JSON.parse(encodeValue(expectedValue));
    const k = encodeKey(key);
    this.cache.delete(k);
    this.writes++;
    try {
      return await casKv(
        this.store.db,
        this.store.dialect,
        k,
        (current) => isDeepStrictEqual(current === undefined ? undefined : JSON.parse(current), expected),
        encodeValue(newValue),
        this.expiresAt(options),
        this.now(),
      );
    } finally {
      this.cache.delete(k);
    }
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

  /** Keeps a copy read from (or written to) the database, evicting the least recently used. */
  private remember(k: string, text: string, expiresAt: number | null, now: number): void {
    if (this.cacheEntries <= 0 || text.length > CACHE_MAX_VALUE_CHARS) return;
    this.cache.delete(k);
    this.cache.set(k, { text, expiresAt, staleAt: now + this.cacheMaxAgeMs });
    if (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
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
