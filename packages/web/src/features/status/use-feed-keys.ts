import { type RefObject, useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * j / k move focus to the next / previous status of the list, also into groups such as a
 * question's answers (r and l live on each card).
 */
export function useFeedKeys(listRef: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      const list = listRef.current;
      if (!list) return;
      const articles = Array.from(list.querySelectorAll<HTMLElement>('article[data-status-id]'));
      if (articles.length === 0) return;
      const current = (document.activeElement as HTMLElement | null)?.closest('article');
      const index = current ? articles.indexOf(current as HTMLElement) : -1;
      const next = event.key === 'j' ? index + 1 : index === -1 ? 0 : index - 1;
      const target = articles[Math.min(Math.max(next, 0), articles.length - 1)];
      event.preventDefault();
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef, enabled]);
}
