/** Normalises text for matching: compatibility forms folded, lower case. */
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first word-filter entry `text` contains as a whole word or phrase (case-insensitive;
 * "spam" matches "Spam!" but not "spamming"; "buy now" matches "BUY  NOW"), or null.
 */
export function matchWordFilter(text: string, entries: readonly string[]): string | null {
  const t = fold(text);
  for (const entry of entries) {
    const words = fold(entry).trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}_])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}_])`,
      'u',
    );
    if (re.test(t)) return entry;
  }
  return null;
}

/** Cleans a word filter as a host sent it: trimmed, no blanks, no duplicates, at most 500 entries. */
export function cleanWordFilter(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of entries) {
    const v = e.trim().replace(/\s+/g, ' ');
    if (!v || seen.has(fold(v))) continue;
    seen.add(fold(v));
    out.push(v);
  }
  return out.slice(0, 500);
}
