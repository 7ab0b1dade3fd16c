import type { SessionStats } from '@hashchat/api/entities/recap';

export interface StatsFormat {
  locale?: string;
  timeZone?: string;
}

function day(iso: string, options: StatsFormat): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

function dayAndTime(iso: string, options: StatsFormat): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

/**
 * A short label per session for the chart's axis: its local start day ("1 Mar"), with the time
 * when two sessions fall on the same day.
 */
export function sessionLabels(sessions: SessionStats[], options: StatsFormat = {}): string[] {
  const days = sessions.map((s) => day(s.session.starts_at, options));
  return sessions.map((s, i) =>
    days.indexOf(days[i]) !== days.lastIndexOf(days[i]) ? dayAndTime(s.session.starts_at, options) : days[i],
  );
}

export interface Growth {
  sessions: number;
  firstParticipants: number;
  lastParticipants: number;
  /** Participants of the latest session minus those of the first shown. */
  change: number;
  /** People who came for the first time, over all sessions shown. */
  newPeople: number;
}

/** Whether the chat grows: the first and latest session shown, and the new people in between. */
export function growth(sessions: SessionStats[]): Growth | null {
  if (sessions.length === 0) return null;
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  return {
    sessions: sessions.length,
    firstParticipants: first.participants_count,
    lastParticipants: last.participants_count,
    change: last.participants_count - first.participants_count,
    newPeople: sessions.reduce((n, s) => n + s.new_participants_count, 0),
  };
}

/** The growth in one sentence. */
export function growthSentence(g: Growth): string {
  if (g.sessions === 1)
    return `One session so far, with ${g.firstParticipants} ${g.firstParticipants === 1 ? 'participant' : 'participants'}.`;
  const trend =
    g.change > 0
      ? `up ${g.change} from ${g.firstParticipants}`
      : g.change < 0
        ? `down ${-g.change} from ${g.firstParticipants}`
        : 'the same as the first';
  return `${g.sessions} sessions: the latest had ${g.lastParticipants} ${g.lastParticipants === 1 ? 'participant' : 'participants'}, ${trend}; ${g.newPeople} ${g.newPeople === 1 ? 'person' : 'people'} came for the first time.`;
}
