/** Parses a `Link` header into its rels, each as a path + query relative to the server. */
export function parseLink(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (!m) continue;
    const u = new URL(m[1]);
    out[m[2]] = u.pathname + u.search;
  }
  return out;
}
