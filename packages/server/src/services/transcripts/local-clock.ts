import { requireTimeZone } from '@hashchat/core/chat/zone-time';

const QUARTER_HOUR = 15 * 60_000;

/**
 * "HH:mm" of instants in one zone, fast enough for 10,000 statuses: the zone's offset is
 * looked up once per quarter hour (offsets and their changes fall on quarter hours).
 */
export function localClock(timeZone: string): (ms: number) => string {
  const zone = requireTimeZone(timeZone);
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zone.offset(bucket * QUARTER_HOUR);
      offsets.set(bucket, offset);
    }
    return new Date(ms + offset * 60_000).toISOString().slice(11, 16);
  };
}

const numbers = new Intl.NumberFormat('en-US');

/** 1,234 — one shared formatter (toLocaleString builds a new one per call). */
export const formatCount = (n: number) => numbers.format(n);
