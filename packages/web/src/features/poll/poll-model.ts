import type { Poll } from '@hashchat/api/entities/poll';
import { pollPercents } from '@hashchat/core/status/poll-rules';

export interface OptionResult {
  title: string;
  /** Null while a `hide_totals` poll runs. */
  count: number | null;
  /** Whole per cent of the voters (multiple choice) or of the votes; null when hidden. */
  percent: number | null;
  own: boolean;
  /** The option (or one of those) with the most votes, once anyone voted. */
  leading: boolean;
}

/** Ended, by the server's word or by the clock (a card left open past the end). */
export function pollClosed(poll: Poll, now: Date): boolean {
  return poll.expired || (poll.expires_at !== null && Date.parse(poll.expires_at) <= now.getTime());
}

/** Each option's count and share (see `pollPercents`), the viewer's choices and the leader marked. */
export function pollResults(poll: Poll): OptionResult[] {
  const percents = pollPercents(poll);
  const top = Math.max(0, ...poll.options.map((o) => o.votes_count ?? 0));
  return poll.options.map((o, i) => ({
    title: o.title,
    count: o.votes_count,
    percent: percents[i],
    own: poll.own_votes?.includes(i) ?? false,
    leading: top > 0 && o.votes_count === top,
  }));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "Closes in 5 minutes", "Closes in 2 days", or "Closed". */
export function closesLabel(poll: Poll, now: Date, locale?: string): string {
  if (pollClosed(poll, now)) return 'Closed';
  if (poll.expires_at === null) return 'Open';
  const left = Date.parse(poll.expires_at) - now.getTime();
  const [unit, ms] = UNITS.find(([, size]) => left >= size) ?? UNITS[UNITS.length - 1];
  const amount = Math.max(1, Math.round(left / ms));
  return `Closes ${new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(amount, unit)}`;
}

/** "3 votes", "1 person" (multiple choice counts people). */
export function totalLabel(poll: Poll): string {
  if (poll.multiple && poll.voters_count !== null)
    return `${poll.voters_count} ${poll.voters_count === 1 ? 'person' : 'people'}`;
  return `${poll.votes_count} ${poll.votes_count === 1 ? 'vote' : 'votes'}`;
}

/**
 * A poll from the stream is presented for everyone (no `voted`/`own_votes`): the viewer's
 * vote, as known before, stays on it.
 */
export function keepOwnVote(next: Poll, before: Poll | null | undefined): Poll {
  if (next.voted !== undefined || !before || before.id !== next.id || before.voted === undefined) return next;
  return { ...next, voted: before.voted, own_votes: before.own_votes };
}
