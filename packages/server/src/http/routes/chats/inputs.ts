/**
 * Chat request bodies come as JSON, form or multipart: forms send `schedule[starts_at]`, which
 * `nestBrackets` turns into `{schedule: {starts_at}}` before the schemas of
 * `@hashchat/api/requests/chats` parse it.
 */

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Folds bracketed keys (`a[b]`, `a[0][b]`) into nested objects and arrays; other keys are kept. */
export function nestBrackets(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || Buffer.isBuffer(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const m = /^([^[\]]+)((?:\[[^[\]]+\])+)$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]+)\]/g)].map((x) => x[1])];
    if (path.some((p) => UNSAFE.has(p))) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (!next || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return arraysFromIndexes(out);
}

// {"0": a, "1": b} → [a, b], all the way down.
function arraysFromIndexes(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => [k, arraysFromIndexes(x)] as const,
  );
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, x]) => x);
  }
  return Object.fromEntries(entries);
}
