import type { Recap } from '@hashchat/api/entities/recap';
import { clockIn, dualTime, durationLabel, zoneName } from '@hashchat/core/chat/session-clock';
import { viewerTimeZone } from '../chats/format-session-time';

/** An instant in the viewer's zone with the chat's beside it, as the transcript page shows it too. */
export function DualTime({ at, zone, withDay = false }: { at: string; zone: string; withDay?: boolean }) {
  return <time dateTime={at}>{dualTime(Date.parse(at), zone, viewerTimeZone(), { withDay })}</time>;
}

/**
 * When the session really ran (not its schedule): started, ended, how long; before it starts,
 * when it is scheduled. The server renders the same list on the transcript page.
 */
export function SessionSpan({ recap }: { recap: Recap }) {
  const zone = recap.session.time_zone;
  const viewer = viewerTimeZone();
  return (
    <>
      <dl className="session-span">
        {recap.started_at ? (
          <div data-span="started">
            <dt>Started</dt>
            <dd>
              <DualTime at={recap.started_at} zone={zone} withDay />
            </dd>
          </div>
        ) : (
          <div data-span="scheduled">
            <dt>Scheduled</dt>
            <dd>
              <DualTime at={recap.session.starts_at} zone={zone} withDay />
            </dd>
          </div>
        )}
        {recap.ended_at && (
          <div data-span="ended">
            <dt>Ended</dt>
            <dd>
              <DualTime at={recap.ended_at} zone={zone} />
            </dd>
          </div>
        )}
        {recap.duration_minutes !== null && (
          <div data-span="duration">
            <dt>Duration</dt>
            <dd>{durationLabel(recap.duration_minutes * 60_000)}</dd>
          </div>
        )}
      </dl>
      {clockIn(Date.now(), zone) !== clockIn(Date.now(), viewer) && (
        <p className="muted zone-note">
          Times are in your time zone ({zoneName(viewer)}); the chat's is {zoneName(zone)}.
        </p>
      )}
    </>
  );
}

/** The tabs between a session's transcript (the server's page) and its recap (the app's). */
export function SessionTabs({
  sessionId,
  chatId,
  current,
}: {
  sessionId: string;
  chatId: string;
  current: 'transcript' | 'recap';
}) {
  return (
    <nav aria-label="This session" className="session-tabs">
      <ul>
        <li>
          <a href={`/sessions/${sessionId}`} aria-current={current === 'transcript' ? 'page' : undefined}>
            Transcript
          </a>
        </li>
        <li>
          <a href={`/sessions/${sessionId}/recap`} aria-current={current === 'recap' ? 'page' : undefined}>
            Recap
          </a>
        </li>
        <li>
          <a href={`/chats/${chatId}/stats`}>All sessions of this chat</a>
        </li>
      </ul>
    </nav>
  );
}
