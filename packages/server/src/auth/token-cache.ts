import type { Revocation } from '../stream/revocation';

/** What a request's token resolves to: the token row and its account's suspension. */
export interface TokenRecord {
  id: number;
  account_id: number | null;
  app_id: number | null;
  scopes: string;
  kind: string;
  csrf_token: string | null;
  revoked_at: number | null;
  suspended_at: number | null;
}

/**
 * Every request looks its token up; a token's row only changes when it is revoked. Found tokens
 * are kept for `ttlMs` (monotonic clock), keyed by the token's hash. A revocation is forgotten at
 * once in every instance that hears of it over the bus (`forgetRevoked`); one whose bus message
 * was lost is still honoured within `ttlMs`. Unknown tokens
 * are never kept, so random tokens cannot fill it; past `max` entries the oldest go first.
 */
export class TokenCache {
  private readonly entries = new Map<string, { record: TokenRecord; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(hash: string): TokenRecord | undefined {
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (hit.until <= this.clock()) {
      this.entries.delete(hash);
      return undefined;
    }
    return hit.record;
  }

  set(hash: string, record: TokenRecord): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(hash);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { record, until: this.clock() + this.ttlMs });
  }

  forget(hash: string): void {
    this.entries.delete(hash);
  }

  /** Forgets the tokens a revocation covers: one token by id, or every token of an account. */
  forgetRevoked(r: Revocation): void {
    for (const [hash, { record }] of this.entries) {
      if ('tokenId' in r ? record.id === r.tokenId : record.account_id === r.accountId)
        this.entries.delete(hash);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
