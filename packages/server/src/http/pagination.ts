/**
 * Builds the `Link` header from a page's first and last ids: `next` goes older (max_id),
 * `prev` goes newer (min_id), keeping the request's other query parameters.
 */
export function linkHeader(
  base: string,
  path: string,
  query: Record<string, unknown>,
  ids: (string | number)[],
): string | null {
  if (ids.length === 0) return null;
  const keep = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    // The cursor is replaced; a token never goes into a header that proxies and logs keep.
    if (['max_id', 'min_id', 'since_id', 'access_token'].includes(k) || v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) keep.append(`${k}[]`, String(x));
    else keep.set(k, String(v));
  }
  const make = (key: string, id: string | number) => {
    const q = new URLSearchParams(keep);
    q.set(key, String(id));
    return `${base}${path}?${q.toString()}`;
  };
  return `<${make('max_id', ids[ids.length - 1])}>; rel="next", <${make('min_id', ids[0])}>; rel="prev"`;
}
