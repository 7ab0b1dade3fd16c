export interface ClickLike {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

export interface AnchorLike {
  href: string;
  target: string;
  hasAttribute(name: string): boolean;
  classList: { contains(name: string): boolean };
}

/**
 * The in-app path a click on `anchor` should route to, or null to let the browser handle it.
 * Same-origin links route client-side; hashtag links in status content do too even when the
 * server wrote them with another host name, since every hashtag has a room here.
 */
export function internalPath(
  anchor: AnchorLike,
  click: ClickLike,
  here: { origin: string; pathname: string; search: string },
): string | null {
  const { origin } = here;
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  let url: URL;
  try {
    url = new URL(anchor.href, origin);
  } catch {
    return null;
  }
  if (url.origin === origin) {
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/oauth/')) return null;
    // A session's transcript is a page the server renders, not a route of the app.
    if (/^\/sessions\/\d+\/?$/.test(url.pathname)) return null;
    // In-page anchors such as the skip link keep their native behaviour.
    if (url.hash && url.pathname === here.pathname && url.search === here.search) return null;
    return url.pathname + url.search + url.hash;
  }
  if (anchor.classList.contains('hashtag') && /^\/tags\/[^/]+$/.test(url.pathname)) return url.pathname;
  return null;
}
