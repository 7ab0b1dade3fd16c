import { fullTime, shortTime } from './format-time';

/** A `<time>` showing `iso` in the viewer's zone; the tooltip names the zone. */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const full = fullTime(date);
  return (
    <time dateTime={iso} title={full} className={className}>
      {shortTime(date, new Date())}
    </time>
  );
}
