import { useEffect, useState } from 'react';
import { slowModeText, slowModeWait } from './slow-mode';

export interface SlowModePause {
  /** Posting would be refused again until the countdown ends. */
  waiting: boolean;
  /** The countdown in words, or null when no slow-mode answer came. */
  text: string | null;
}

/**
 * Counts down the wait a "Slow mode: wait N seconds" error asked for, so the composer can say
 * when posting works again and hold its Post button until then.
 */
export function useSlowMode(error: string | null): SlowModePause {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const wait = slowModeWait(error);
    setUntil(wait === null ? null : Date.now() + wait * 1000);
    setNow(Date.now());
  }, [error]);

  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  if (until === null) return { waiting: false, text: null };
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return { waiting: left > 0, text: slowModeText(left) };
}
