import { fullTime, shortTime } from './format-time';

/**
 * A `<time>` showing `iso` in the viewer's zone: short ("14:05", "Tue 14:05"), with the full
 * date, time and zone in its tooltip; or that full text itself with `full`.
 */
export function LocalTime({ iso, className, full }: { iso: string; className?: string; full?: boolean }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const long = fullTime(date);
  return (
    <time dateTime={iso} title={long} className={className}>
      {full ? long : shortTime(date, new Date())}
    </time>
  );
}
