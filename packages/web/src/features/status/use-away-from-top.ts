import { type RefObject, useEffect } from 'react';

/**
 * Reports whether the reader has scrolled past the top of `ref` (the newest status), checked
 * at most once per frame.
 */
export function useAwayFromTop(ref: RefObject<HTMLElement | null>, onChange: (away: boolean) => void): void {
  useEffect(() => {
    let frame = 0;
    function check() {
      frame = 0;
      const el = ref.current;
      if (el) onChange(el.getBoundingClientRect().top < 0);
    }
    function onScroll() {
      if (!frame) frame = requestAnimationFrame(check);
    }
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, onChange]);
}
