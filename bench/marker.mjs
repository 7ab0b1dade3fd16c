// The publisher writes `bench-<run>-<n>` (measured status n) or `bench-<run>-w<n>` (warm-up)
// into each status; readers find it in the raw event bytes without parsing JSON.

export const NO_MARKER = -2;
export const WARMUP = -1;

/** The text of measured status `n` (or of a warm-up status when `warmup`). */
export const markerText = (run, n, warmup = false) => `bench-${run}-${warmup ? 'w' : ''}${n}`;

/** The bytes every marker of this run starts with. */
export const markerPrefix = (run) => Buffer.from(`bench-${run}-`);

/**
 * Finds the run's marker in buf[start, end): the measured sequence number, WARMUP, or NO_MARKER.
 * @param {Buffer} buf @param {number} start @param {number} end @param {Buffer} prefix
 */
export const scanMarker = (buf, start, end, prefix) => {
  const at = buf.indexOf(prefix, start);
  if (at === -1 || at >= end) return NO_MARKER;
  let i = at + prefix.length;
  if (buf[i] === 0x77) return WARMUP;
  let n = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = buf[i];
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
    digits++;
  }
  return digits ? n : NO_MARKER;
};
