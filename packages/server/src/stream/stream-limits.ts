import { HashchatError } from '@hashchat/core/errors';

export interface StreamCaps {
  perAddress: number;
  perAccount: number;
  /** Streams of the whole process (see fd-headroom.ts). */
  total: number;
}

export type StreamCapKind = 'address' | 'account' | 'total';

const REFUSED: Record<StreamCapKind, string> = {
  address: 'Too many open streams from this address',
  account: 'Too many open streams for this account',
  total: 'Too many open streams on this server; try again later',
};

function add<K>(counts: Map<K, number>, key: K, delta: number): void {
  const n = (counts.get(key) ?? 0) + delta;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/**
 * Open streams (SSE and WebSocket together) per client address, per account and in all, counted
 * when a stream opens and when it closes, never per event.
 */
export class StreamLimits {
  private readonly byAddress = new Map<string, number>();
  private readonly byAccount = new Map<number, number>();
  private open = 0;

  constructor(
    readonly caps: StreamCaps,
    private readonly onRefused: (kind: StreamCapKind) => void = () => {},
  ) {}

  /**
   * A slot for one more stream from `address` (and `accountId` when signed in), or RateLimited
   * past a cap. Returns the slot's release, which may be called any number of times.
   */
  take(address: string, accountId: number | null): () => void {
    const refused: StreamCapKind | null =
      this.open >= this.caps.total
        ? 'total'
        : (this.byAddress.get(address) ?? 0) >= this.caps.perAddress
          ? 'address'
          : accountId !== null && (this.byAccount.get(accountId) ?? 0) >= this.caps.perAccount
            ? 'account'
            : null;
    if (refused) {
      this.onRefused(refused);
      throw new HashchatError('RateLimited', REFUSED[refused]);
    }
    this.open++;
    add(this.byAddress, address, 1);
    if (accountId !== null) add(this.byAccount, accountId, 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.open--;
      add(this.byAddress, address, -1);
      if (accountId !== null) add(this.byAccount, accountId, -1);
    };
  }

  /** Streams holding a slot now. */
  get size(): number {
    return this.open;
  }
}
