import { useEffect, useRef, useState } from 'react';
import { arrivalAnnouncement } from './new-posts-label';

/** At most one announcement per this many milliseconds, however busy the room. */
const ANNOUNCE_EVERY_MS = 3000;

/**
 * The text for a polite live region: a count of statuses that arrived, batched, rather than
 * each status read aloud.
 */
export function useArrivalAnnouncement(arrived: number, waiting: number): string {
  const [message, setMessage] = useState('');
  const announced = useRef(arrived);
  const latest = useRef({ arrived, waiting });
  latest.current = { arrived, waiting };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (arrived === announced.current || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const now = latest.current;
      setMessage(arrivalAnnouncement(now.arrived - announced.current, now.waiting));
      announced.current = now.arrived;
    }, ANNOUNCE_EVERY_MS);
  }, [arrived]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return message;
}
