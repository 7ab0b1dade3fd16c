import type { StoredEvent } from '../store/events';
import type { Reader } from './reader';

/** A credential that no longer holds: one token (revoked, signed out), or every token of an account (suspended). */
export type Revocation = { tokenId: number } | { accountId: number };

/** The bus topic every instance's hub listens on, so a revocation anywhere closes streams everywhere. */
export const REVOKED_TOPIC = 'hashchat:revoked';

/** A revocation as a bus message: never stored, never sent to a client. */
export function revocationEvent(r: Revocation): StoredEvent {
  return { id: 0, event: 'hashchat.revoked', accountId: null, payload: JSON.stringify(r) };
}

export function parseRevocation(event: StoredEvent): Revocation | null {
  try {
    const r = JSON.parse(event.payload) as Partial<{ tokenId: unknown; accountId: unknown }>;
    if (typeof r.tokenId === 'number') return { tokenId: r.tokenId };
    if (typeof r.accountId === 'number') return { accountId: r.accountId };
  } catch {
    /* not ours */
  }
  return null;
}

/** Whether `reader` was opened with the revoked credential. */
export function opensWith(reader: Reader, r: Revocation): boolean {
  return 'tokenId' in r ? reader.tokenId === r.tokenId : reader.accountId === r.accountId;
}
