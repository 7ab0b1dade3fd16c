/** The `max_id` of the `rel="next"` URL of a Mastodon `Link` header, or null. */
export function nextMaxIdFromLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match?.[2] !== 'next') continue;
    const query = match[1].split('?')[1] ?? '';
    return new URLSearchParams(query).get('max_id');
  }
  return null;
}
