/** Axis arithmetic for the recap's small bar charts: counts only, so ticks are whole numbers. */

/** The smallest "round" number (1, 2 or 5 × 10ⁿ) at or above `max`; at least 1. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Whole-number ticks from 0 to `niceMax(max)`, evenly spaced by a round step (1, 2 or 5 × 10ⁿ),
 * at most `intervals` steps apart.
 */
export function ticks(max: number, intervals = 5): number[] {
  const top = niceMax(max);
  let step = top;
  for (let power = 1; power <= top; power *= 10) {
    const fit = [1, 2, 5].map((m) => m * power).find((s) => top % s === 0 && top / s <= intervals);
    if (fit !== undefined) {
      step = fit;
      break;
    }
  }
  const out: number[] = [];
  for (let value = 0; value <= top; value += step) out.push(value);
  return out;
}

/**
 * Which category labels fit under the axis: every k-th, so at most `room` show, always the
 * first; with few categories, all of them.
 */
export function labelStride(categories: number, room = 8): number {
  if (categories <= room) return 1;
  return Math.ceil(categories / room);
}
