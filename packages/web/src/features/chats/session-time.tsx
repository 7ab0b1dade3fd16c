import type { ChatSession } from '@hashchat/api/entities/chat';
import {
  dateAndTime,
  relativeLabel,
  sameWallClock,
  sessionWhen,
  timeOfDay,
  viewerTimeZone,
  zoneAbbreviation,
} from './format-session-time';

export interface SessionTimeProps {
  session: Pick<ChatSession, 'starts_at' | 'time_zone' | 'state'>;
  now: Date;
  /** Also say when it is in the chat's own zone, when that differs from the viewer's. */
  hostZone?: boolean;
}

/**
 * When a session starts, in the viewer's zone with the zone named and, for what is still to
 * come, how far off it is: "in 2 days, Tue 19 Oct, 20:00 CEST".
 */
export function SessionTime({ session, now, hostZone }: SessionTimeProps) {
  const start = new Date(session.starts_at);
  if (Number.isNaN(start.getTime())) return null;
  const zone = viewerTimeZone();
  const upcoming = session.state === 'scheduled' && start.getTime() > now.getTime();
  const abbr = zoneAbbreviation(start, { timeZone: zone });
  const other = hostZone && !sameWallClock(start, zone, session.time_zone) ? session.time_zone : null;
  return (
    <span className="session-time">
      {upcoming && <span className="session-relative">{relativeLabel(start, now)}, </span>}
      <time dateTime={session.starts_at} title={sessionWhen(start, now, { timeZone: zone })}>
        {hostZone ? `${dateAndTime(start, now)} (your time, ${abbr})` : `${dateAndTime(start, now)} ${abbr}`}
      </time>
      {other && (
        <span className="session-host-zone">
          {' · '}
          {hostZoneTime(start, other)} in {other.replace(/_/g, ' ')}
        </span>
      )}
    </span>
  );
}

/** The time of day in the host's zone, with the weekday when it falls on another day than for the viewer. */
function hostZoneTime(start: Date, zone: string): string {
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(start) ===
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short' }).format(start);
  if (sameDay) return timeOfDay(start, { timeZone: zone });
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: zone }).format(start);
  return `${weekday} ${timeOfDay(start, { timeZone: zone })}`;
}
