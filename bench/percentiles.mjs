// Nearest-rank percentiles of a sample, reported in milliseconds.

const round = (ms) => Math.round(ms * 100) / 100;

/**
 * p50/p90/p99/max/mean in ms of samples given in `unitMs` (1e-3 for microseconds).
 * Sorts `samples` in place. Returns null for an empty sample.
 * @param {Uint32Array | Float64Array} samples @param {number} unitMs
 */
export const summarize = (samples, unitMs) => {
  if (samples.length === 0) return null;
  samples.sort();
  const at = (p) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] * unitMs;
  let sum = 0;
  for (const v of samples) sum += v;
  return {
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(samples[samples.length - 1] * unitMs),
    mean: round((sum / samples.length) * unitMs),
    count: samples.length,
  };
};

/** Concatenates typed arrays into one. */
export const concatSamples = (arrays) => {
  const out = new Uint32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
};
