import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, scrolls to the top and moves focus to the page's heading,
 * so screen readers announce the new page as they would after a full load.
 */
export function useNavigationFocus(key: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation, which `key` identifies
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      // A page that focused something itself (e.g. an autofocused field) keeps it.
      if (active && active !== document.body && document.querySelector('main')?.contains(active)) return;
      document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [key]);
}
