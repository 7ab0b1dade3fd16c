import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` (aligned to whole seconds, so countdowns tick
 * together); pass null to stop ticking.
 */
export function useNow(intervalMs: number | null = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (intervalMs === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, intervalMs - (Date.now() % Math.min(intervalMs, 1000)));
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % Math.min(intervalMs, 1000)));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
