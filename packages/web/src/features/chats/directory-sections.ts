import type { Directory, DirectoryEntry } from '@hashchat/api/entities/chat';
import { dayHeading, type ZoneOptions } from './format-session-time';

export interface DirectorySection {
  id: string;
  title: string;
  entries: DirectoryEntry[];
}

const byStart = (a: DirectoryEntry, b: DirectoryEntry) =>
  a.session.starts_at.localeCompare(b.session.starts_at);

/**
 * The directory's sections as the page shows them: Live now, Starting soon, then one section
 * per local day of the week ahead (headed "Today, …", "Tomorrow, …", "Thursday 21 October" from
 * `now`, in the viewer's zone), then Later (the next session of chats with none this week,
 * however far off), each soonest first; empty sections are left out. A session the server counted
 * as upcoming that has come within reach by now moves up to "Starting soon" when `soonMs` is given.
 */
export function directorySections(
  directory: Directory,
  now: Date,
  options: ZoneOptions & { soonMs?: number } = {},
): DirectorySection[] {
  const soonUntil = options.soonMs === undefined ? null : now.getTime() + options.soonMs;
  const isSoon = (e: DirectoryEntry) => soonUntil !== null && Date.parse(e.session.starts_at) <= soonUntil;
  const later = directory.upcoming.flatMap((day) => day.sessions);
  const soon = [...directory.starting_soon, ...later.filter(isSoon)].sort(byStart);
  const days = directory.upcoming
    .map((day) => ({ date: day.date, entries: day.sessions.filter((e) => !isSoon(e)).sort(byStart) }))
    .filter((day) => day.entries.length > 0)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({
      id: `day-${day.date}`,
      title: dayHeading(new Date(day.entries[0].session.starts_at), now, options),
      entries: day.entries,
    }));
  return [
    { id: 'live', title: 'Live now', entries: [...directory.live].sort(byStart) },
    { id: 'soon', title: 'Starting soon', entries: soon },
    ...days,
    { id: 'later', title: 'Later', entries: [...directory.later].sort(byStart) },
  ].filter((section) => section.entries.length > 0);
}

/** How many sessions the directory holds in all. */
export function directorySize(directory: Directory): number {
  return (
    directory.live.length +
    directory.starting_soon.length +
    directory.upcoming.reduce((sum, day) => sum + day.sessions.length, 0) +
    directory.later.length
  );
}
