/**
 * API answers the server carried in the page's HTML for its first render (a room read by
 * someone not signed in; see the server's `routes/web/preload.ts`). Each answer serves the first
 * GET of its URL only, and only on the page it came with; `since` is the stream position they
 * were read at, so the page's own streams open from there and miss nothing posted in between.
 */
interface PreloadDocument {
  path: string;
  since: string;
  responses: Record<string, { status: number; body: string; link?: string }>;
  streams: string[];
}

let preload: PreloadDocument | null | undefined;

function read(): PreloadDocument | null {
  if (preload === undefined) {
    preload = null;
    const text =
      typeof document === 'undefined' ? null : document.getElementById('hashchat-preload')?.textContent;
    if (text) {
      try {
        preload = JSON.parse(text) as PreloadDocument;
      } catch {
        preload = null;
      }
    }
  }
  // Answers are for the page they came with: after a navigation, nothing more is served.
  if (preload && typeof location !== 'undefined' && location.pathname !== preload.path) preload = null;
  return preload;
}

/** The preloaded answer to a GET of `url` (path and query), once; null when there is none. */
export function takePreloaded(url: string): Response | null {
  const doc = read();
  const hit = doc?.responses[url];
  if (!doc || !hit) return null;
  delete doc.responses[url];
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
  if (hit.link) headers.set('link', hit.link);
  return new Response(hit.body === '' ? null : hit.body, { status: hit.status, headers });
}

/** Where to open a stream of the page: from the preload's position the first time, else `url` itself. */
export function streamFrom(url: string): string {
  const doc = read();
  const at = doc ? doc.streams.indexOf(url) : -1;
  if (!doc || at < 0) return url;
  doc.streams.splice(at, 1);
  return `${url}${url.includes('?') ? '&' : '?'}last_event_id=${encodeURIComponent(doc.since)}`;
}
