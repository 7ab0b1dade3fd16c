// The curated stream of a very large room (docs/api.md, "The curated stream"): which of the
// room's statuses a reader of the highlights is shown. Decided once, when the status is written,
// and stored with it, so every instance, every curated reader and every resume see the same ones.

/** How many participants' statuses a second the sample admits, at most, per session. */
export const CURATED_SAMPLE_PER_SECOND = 2;

/** Why a status is on the curated stream. */
export type CuratedReason = 'cast' | 'question' | 'spotlight' | 'approved' | 'sample';

/** The sample's slot a time falls in: time cut into slots of 1/rate second. */
export const sampleSlot = (at: number, perSecond = CURATED_SAMPLE_PER_SECOND) =>
  Math.floor((at * perSecond) / 1000);

/** The last status the sample admitted in a session: its slot and its author. */
export interface LastSample {
  slot: number;
  accountId: number;
}

/**
 * Whether a participant's status joins the sample: the first status written in a slot is
 * admitted when no sample was admitted in that slot yet, unless its author also wrote the
 * previous sample (so one fast poster cannot take every slot: at most every other one).
 * Deterministic for a given order of writes, and fair in that what decides is when a status
 * arrives, not who wrote it or how popular they are. The store applies the same rule as one
 * compare-and-set (store/room.ts `claimSample`), so concurrent writers never both win a slot.
 */
export function admitsToSample(last: LastSample | null, slot: number, accountId: number): boolean {
  if (last === null) return true;
  return slot > last.slot && last.accountId !== accountId;
}
