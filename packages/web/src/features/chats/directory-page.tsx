import { useMemo, useState } from 'react';
import { getDirectory } from '../../api/chats';
import { type DirectoryFilters as Filters, paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { LoadError, Skeleton } from '../../app/waiting';
import { ChatEntry } from './chat-entry';
import { DirectoryFilters } from './directory-filters';
import { directorySections, directorySize } from './directory-sections';
import { viewerTimeZone, zoneAbbreviation } from './format-session-time';
import { useCategories } from './use-categories';
import { useNow } from './use-now';

function HostLink() {
  const { state } = useSession();
  const href = state.status === 'signed-in' ? paths.newChat : paths.signIn(paths.newChat);
  return (
    <a href={href} className="button button-primary">
      Host a chat
    </a>
  );
}

/** What an empty directory says: how hosting works, and where to start. */
function HowToHost({ days }: { days: number }) {
  return (
    <div className="feed-empty teach">
      <p>
        <strong>No chats are planned in the next {days} days.</strong> A chat is a conversation at a set time
        under one hashtag: you pick the hashtag, the day and the time, and people find it here, follow it and
        get reminded before it starts.
      </p>
      <p>
        <a href={paths.newChat}>Host a chat</a>: it takes a minute, and you can change the schedule later.
      </p>
    </div>
  );
}

const SOON_MS = 60 * 60_000;

/** The directory: chats live now, starting soon, and day by day, in the viewer's own time. */
export function DirectoryPage({ filters }: { filters: Filters }) {
  useTitle('Chats');
  const now = useNow(30_000);
  const [days, setDays] = useState(7);
  const categories = useCategories();
  const filtered = Boolean(filters.q || filters.category || filters.language);
  const zone = viewerTimeZone();
  const { q, category, language } = filters;

  const resource = useResource(
    () => getDirectory({ q, category, language, time_zone: zone, days, soon_minutes: SOON_MS / 60_000 }),
    [q, category, language, zone, days],
  );
  const directory = resource.value ?? null;
  const error = resource.error;

  const sections = useMemo(
    () => (directory ? directorySections(directory, now, { timeZone: zone, soonMs: SOON_MS }) : []),
    [directory, now, zone],
  );
  const empty = directory !== null && directorySize(directory) === 0;

  return (
    <section className="column" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Chats
        </h1>
        <HostLink />
      </div>
      <p className="page-lead">
        Times are in your time zone, {zone.replace(/_/g, ' ')} ({zoneAbbreviation(now, { timeZone: zone })}).
      </p>
      <DirectoryFilters filters={filters} categories={categories} />
      {error && <LoadError error={error} onRetry={resource.refresh} />}
      {directory === null && !error && <Skeleton kind="cards" />}
      {empty &&
        (filtered ? (
          <p className="feed-empty">
            No chats match these filters in the next {days} days. <a href={paths.chats()}>Show all chats</a>
          </p>
        ) : (
          <HowToHost days={days} />
        ))}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="directory-section">
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <ul className="chat-list">
            {section.entries.map((entry) => (
              <li key={entry.session.id}>
                <ChatEntry entry={entry} now={now} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {directory && days < 31 && (
        <div className="feed-more">
          <button type="button" className="button" onClick={() => setDays(31)}>
            Show the next 4 weeks
          </button>
        </div>
      )}
    </section>
  );
}
