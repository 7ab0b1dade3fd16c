/** What a poll may be, as Mastodon's defaults (and what /api/v2/instance announces). */
export const POLL_LIMITS = {
  max_options: 4,
  max_characters_per_option: 50,
  /** Seconds. */
  min_expiration: 300,
  /** Seconds: a week. */
  max_expiration: 7 * 24 * 3600,
} as const;

/**
 * Why these choices are not a valid vote on a poll of `optionCount` options, or null if they are:
 * at least one, each an option's index, once each, and only one unless the poll is multiple-choice.
 */
export function invalidChoices(choices: number[], optionCount: number, multiple: boolean): string | null {
  if (choices.length === 0) return 'choices must not be empty';
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= optionCount))
    return 'choices contains an option the poll does not have';
  if (new Set(choices).size !== choices.length) return 'choices contains an option twice';
  if (!multiple && choices.length > 1) return 'this poll takes one choice';
  return null;
}

/** What a poll's shares are computed from (Mastodon's Poll entity's counts). */
export interface PollCounts {
  multiple: boolean;
  votes_count: number;
  voters_count: number | null;
  /** Null while a `hide_totals` poll runs. */
  options: { votes_count: number | null }[];
}

/**
 * Each option's whole per cent, null where its count is hidden. A multiple-choice poll counts
 * against its voters, so shares may add up to more than 100 (as Mastodon's apps show them);
 * a single-choice one against its votes.
 */
export function pollPercents(poll: PollCounts): (number | null)[] {
  const base = poll.multiple ? (poll.voters_count ?? poll.votes_count) : poll.votes_count;
  return poll.options.map((o) =>
    o.votes_count === null ? null : base > 0 ? Math.round((o.votes_count / base) * 100) : 0,
  );
}

/** Mastodon's ScheduledStatus rule: at least this far ahead. */
export const MIN_SCHEDULE_AHEAD_MS = 5 * 60_000;
