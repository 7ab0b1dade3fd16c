/** How deep a request's body or query may nest: far beyond any schema, far below any stack. */
export const MAX_NESTING = 32;

/**
 * Whether `value` has objects or arrays nested more than `max` deep, counting each bracket of a
 * form key (`a[b][c]`) as the object it becomes once folded. Walks with its own stack, so no
 * input, however deep, can overflow the call stack; it stops at the first path past `max`.
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_NESTING): boolean {
  // Each entry: a value, and how deep it sits if it is an object or array.
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [v, depth] = next;
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth > max) return true;
    for (const key of Object.keys(v)) {
      const folded = depth + brackets(key);
      if (folded > max) return true;
      pending.push([(v as Record<string, unknown>)[key], folded + 1]);
    }
  }
  return false;
}

function brackets(key: string): number {
  let n = 0;
  for (let i = key.indexOf('['); i !== -1; i = key.indexOf('[', i + 1)) n++;
  return n;
}
