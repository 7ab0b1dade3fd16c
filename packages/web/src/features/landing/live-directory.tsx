import type { DirectoryEntry } from '@hashchat/api/entities/chat';
import { useMemo } from 'react';
import { getDirectory } from '../../api/chats';
import { paths } from '../../app/routes';
import { useResource } from '../../app/use-resource';
import { ChatEntry } from '../chats/chat-entry';
import { directorySections } from '../chats/directory-sections';
import { viewerTimeZone, zoneAbbreviation } from '../chats/format-session-time';
import { SessionTime } from '../chats/session-time';
import { useNow } from '../chats/use-now';
import { LiveCardSkeletons } from './card-skeletons';

const SOON_MS = 60 * 60_000;

interface HomeSections {
  live: DirectoryEntry[];
  soon: DirectoryEntry[];
  week: DirectoryEntry[];
}

function Section({
  id,
  title,
  entries,
  now,
}: {
  id: string;
  title: string;
  entries: DirectoryEntry[];
  now: Date;
}) {
  return (
    <section aria-labelledby={`home-${id}`} className="directory-section">
      <h2 id={`home-${id}`}>{title}</h2>
      <ul className="chat-list">
        {entries.map((entry) => (
          <li key={entry.session.id}>
            <ChatEntry entry={entry} now={now} join />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What "Live now" says when nothing is: when the next chat starts, and how to host one. */
function NothingLive({ next, now }: { next: DirectoryEntry | undefined; now: Date }) {
  return (
    <div className="feed-empty teach">
      {next ? (
        <p>
          <strong>No chat is live right now.</strong> The next one,{' '}
          <a href={paths.chat(next.chat.id)}>{next.chat.title}</a>, starts{' '}
          <SessionTime session={next.session} now={now} />.
        </p>
      ) : (
        <p>
          <strong>No chat is live right now, and none is planned this week.</strong>
        </p>
      )}
      <p>
        A chat is a conversation at a set time under one hashtag. <a href={paths.newChat}>Host a chat</a>:
        pick the hashtag, the day and the time, and people find it here and get reminded before it starts.
      </p>
    </div>
  );
}

/** The home page's opening: chats live now, starting soon and this week, each with a Join button. */
export function LiveDirectory() {
  const now = useNow(30_000);
  const zone = viewerTimeZone();
  const directory = useResource(
    () => getDirectory({ time_zone: zone, days: 7, soon_minutes: SOON_MS / 60_000 }),
    [zone],
  );
  const sections = useMemo<HomeSections | null>(() => {
    if (!directory.value) return null;
    const all = directorySections(directory.value, now, { timeZone: zone, soonMs: SOON_MS });
    const pick = (id: string) => all.find((s) => s.id === id)?.entries ?? [];
    return {
      live: pick('live'),
      soon: pick('soon'),
      week: all.filter((s) => s.id.startsWith('day-')).flatMap((s) => s.entries),
    };
  }, [directory.value, now, zone]);

  return (
    <div className="live-directory" aria-busy={directory.loading}>
      <p className="page-lead">
        Times are in your time zone, {zone.replace(/_/g, ' ')} ({zoneAbbreviation(now, { timeZone: zone })}).
      </p>
      {directory.error && (
        <div className="form-error" role="alert">
          <p>The chats could not be loaded. </p>
          <button type="button" className="button" onClick={directory.refresh}>
            Retry
          </button>
        </div>
      )}
      {!sections && !directory.error && (
        <section aria-label="Loading chats">
          <h2>Live now</h2>
          <LiveCardSkeletons />
        </section>
      )}
      {sections && (
        <>
          {sections.live.length > 0 ? (
            <Section id="live" title="Live now" entries={sections.live} now={now} />
          ) : (
            <section aria-labelledby="home-live" className="directory-section">
              <h2 id="home-live">Live now</h2>
              <NothingLive next={sections.soon[0] ?? sections.week[0]} now={now} />
            </section>
          )}
          {sections.soon.length > 0 && (
            <Section id="soon" title="Starting soon" entries={sections.soon} now={now} />
          )}
          {sections.week.length > 0 && (
            <Section id="week" title="This week" entries={sections.week} now={now} />
          )}
          <p className="feed-more">
            <a href={paths.chats()}>All chats</a>
          </p>
        </>
      )}
    </div>
  );
}
