/** The word filter typed one phrase a line (or comma-separated) → the list the server keeps. */
export function parseWordFilter(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const phrase = raw.trim().replace(/\s+/g, ' ');
    const key = phrase.toLowerCase();
    if (!phrase || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

export function wordFilterText(list: string[]): string {
  return list.join('\n');
}
