import { useEffect } from 'react';
import { navigate } from './history';
import { internalPath } from './internal-link';

/** Routes clicks on same-origin links (including those in status HTML) without a reload. */
export function useLinkInterception(): void {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!anchor) return;
      const path = internalPath(anchor, event, window.location);
      if (path === null) return;
      event.preventDefault();
      navigate(path);
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
