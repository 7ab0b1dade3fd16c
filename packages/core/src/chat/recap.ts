import type { RoomKind } from './transcript';

/**
 * The figures of a session's recap, computed from its visible statuses. Pure: the server
 * loads the statuses, the hosts, who came back, follower counts, and hands them in.
 */

export interface RecapStatus {
  id: string;
  accountId: string;
  kind: RoomKind;
  questionNumber: number | null;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Added after the session ended: counted, but outside the per-minute series. */
  late: boolean;
  favouritesCount: number;
  reblogsCount: number;
  language: string | null;
  /** Links in the text, as written (deduplicated per status). */
  links: readonly string[];
  /** Accounts the status mentions. */
  mentionedAccountIds: readonly string[];
}

export interface RecapInput {
  statuses: readonly RecapStatus[];
  /** The chat's owner and co-hosts. */
  hostIds: ReadonlySet<string>;
  /** Participants of this session who had posted in an earlier session of the same chat. */
  returningIds: ReadonlySet<string>;
  /** Followers count of each author (missing: 0). */
  followersCount: ReadonlyMap<string, number>;
  /** How many distinct accounts follow at least one participant (counted by the store). */
  distinctFollowers: number;
  /** Minute 0 of the per-minute series: when the session went live (or was scheduled to). */
  startedAt: number;
  /** Length of the "top" lists; default 10. */
  topLimit?: number;
}

export interface MinuteCount {
  /** Minutes since `startedAt` (negative before it). */
  minute: number;
  /** Epoch milliseconds at the start of that minute. */
  at: number;
  count: number;
}

export interface RecapFigures {
  statusesCount: number;
  lateStatusesCount: number;
  participantsCount: number;
  newParticipantsCount: number;
  returningParticipantsCount: number;
  hostsStatusesCount: number;
  /** hostsStatusesCount / statusesCount, 0 without statuses. */
  hostsShare: number;
  answersPerQuestion: { questionNumber: number; count: number }[];
  /** Dense from the first to the last minute with a status (late ones left out). */
  postsPerMinute: MinuteCount[];
  /** The busiest minute (the earliest of equals); null without statuses. */
  peakMinute: MinuteCount | null;
  topParticipants: { accountId: string; statusesCount: number }[];
  /** Answers by likes + reposts (then likes, then time); only those with at least one. */
  topAnswers: {
    statusId: string;
    accountId: string;
    questionNumber: number | null;
    favouritesCount: number;
    reblogsCount: number;
  }[];
  mostMentioned: { accountId: string; mentionsCount: number }[];
  /** The resource list: each link once (normalised), most shared first, then first shared. */
  links: { url: string; count: number; firstStatusId: string }[];
  /** `und` for statuses without a language. */
  languages: { language: string; count: number }[];
  potentialReach: number;
  potentialImpressions: number;
}

const MINUTE = 60_000;

const idOrder = (a: string, b: string) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

/** Counts desc, then the key's natural order; at most `limit`. */
function top<K>(counts: Map<K, number>, limit: number, tie: (a: K, b: K) => number): [K, number][] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || tie(a[0], b[0])).slice(0, limit);
}

const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/**
 * One spelling per resource: scheme and host lower-cased, default port, fragment and
 * `utm_*` tracking parameters dropped. Unparseable links are kept as written.
 */
export function normalizeLink(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^utm_/i.test(key)) u.searchParams.delete(key);
  let out = u.toString();
  if (u.search === '' && out.endsWith('?')) out = out.slice(0, -1);
  return out;
}

export function computeRecap(input: RecapInput): RecapFigures {
  const limit = input.topLimit ?? 10;
  const statuses = [...input.statuses].sort((a, b) => a.createdAt - b.createdAt || idOrder(a.id, b.id));
  const byAccount = new Map<string, number>();
  const answers = new Map<number, number>();
  const minutes = new Map<number, number>();
  const mentions = new Map<string, number>();
  const languages = new Map<string, number>();
  const links = new Map<string, { count: number; firstStatusId: string; order: number }>();
  let hostsStatuses = 0;
  let late = 0;
  let impressions = 0;
  for (const s of statuses) {
    bump(byAccount, s.accountId);
    if (input.hostIds.has(s.accountId)) hostsStatuses += 1;
    if (s.questionNumber !== null && (s.kind === 'question' || s.kind === 'answer')) {
      answers.set(s.questionNumber, (answers.get(s.questionNumber) ?? 0) + (s.kind === 'answer' ? 1 : 0));
    }
    if (s.late) late += 1;
    else bump(minutes, Math.floor((s.createdAt - input.startedAt) / MINUTE));
    for (const m of new Set(s.mentionedAccountIds)) bump(mentions, m);
    bump(languages, s.language ?? 'und');
    for (const url of new Set(s.links.map(normalizeLink))) {
      const seen = links.get(url);
      if (seen) seen.count += 1;
      else links.set(url, { count: 1, firstStatusId: s.id, order: links.size });
    }
    impressions += input.followersCount.get(s.accountId) ?? 0;
  }

  const postsPerMinute: MinuteCount[] = [];
  if (minutes.size > 0) {
    const keys = [...minutes.keys()];
    const first = Math.min(...keys);
    const last = Math.max(...keys);
    for (let m = first; m <= last; m++)
      postsPerMinute.push({ minute: m, at: input.startedAt + m * MINUTE, count: minutes.get(m) ?? 0 });
  }
  const peakMinute = postsPerMinute.reduce<MinuteCount | null>(
    (best, m) => (best === null || m.count > best.count ? m : best),
    null,
  );

  const participants = [...byAccount.keys()];
  const returning = participants.filter((a) => input.returningIds.has(a)).length;
  const topAnswers = statuses
    .filter((s) => s.kind === 'answer' && s.favouritesCount + s.reblogsCount > 0)
    .sort(
      (a, b) =>
        b.favouritesCount + b.reblogsCount - (a.favouritesCount + a.reblogsCount) ||
        b.favouritesCount - a.favouritesCount ||
        a.createdAt - b.createdAt ||
        idOrder(a.id, b.id),
    )
    .slice(0, limit)
    .map((s) => ({
      statusId: s.id,
      accountId: s.accountId,
      questionNumber: s.questionNumber,
      favouritesCount: s.favouritesCount,
      reblogsCount: s.reblogsCount,
    }));

  return {
    statusesCount: statuses.length,
    lateStatusesCount: late,
    participantsCount: participants.length,
    newParticipantsCount: participants.length - returning,
    returningParticipantsCount: returning,
    hostsStatusesCount: hostsStatuses,
    hostsShare: statuses.length === 0 ? 0 : hostsStatuses / statuses.length,
    answersPerQuestion: [...answers.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([questionNumber, count]) => ({ questionNumber, count })),
    postsPerMinute,
    peakMinute,
    topParticipants: top(byAccount, limit, idOrder).map(([accountId, statusesCount]) => ({
      accountId,
      statusesCount,
    })),
    topAnswers,
    mostMentioned: top(mentions, limit, idOrder).map(([accountId, mentionsCount]) => ({
      accountId,
      mentionsCount,
    })),
    links: [...links.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order)
      .map(([url, l]) => ({ url, count: l.count, firstStatusId: l.firstStatusId })),
    languages: top(languages, Number.POSITIVE_INFINITY, (a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(
      ([language, count]) => ({ language, count }),
    ),
    potentialReach: input.distinctFollowers,
    potentialImpressions: impressions,
  };
}
