import type { LoggedAction } from '@hashchat/api/entities/moderation';

const VERBS: Record<string, string> = {
  hide: 'hid a status by',
  unhide: 'brought back a status by',
  mute: 'muted',
  unmute: 'unmuted',
  ban: 'banned',
  unban: 'unbanned',
  approve: 'let in a held status by',
  reject: 'rejected a held status by',
  settings: 'changed the room settings',
  resolve_report: 'resolved a report about',
  approve_submission: 'approved a question by',
  dismiss_submission: 'dismissed a question by',
  merge_submission: 'merged a question by',
  answering_submission: 'is answering a question by',
  answered_submission: 'answered a question by',
  carry_over: 'carried questions over',
};

/** What the moderator did, in words: "muted @ann for 1 hour". */
export function logText(entry: LoggedAction): string {
  const verb = VERBS[entry.action] ?? entry.action.replace(/_/g, ' ');
  const who = entry.account ? ` @${entry.account.acct}` : '';
  const target = verb.endsWith(' by') && !who ? verb.slice(0, -3) : `${verb}${who}`;
  const duration =
    (entry.action === 'mute' || entry.action === 'ban') && entry.duration_minutes
      ? ` for ${durationText(entry.duration_minutes)}`
      : '';
  return `${target}${duration}`;
}

export function durationText(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

const UNDO: Record<string, 'unhide' | 'unmute' | 'unban'> = { hide: 'unhide', mute: 'unmute', ban: 'unban' };

/** The room action that undoes a logged one (hide → unhide, mute → unmute, ban → unban), if any. */
export function undoOf(action: string): 'unhide' | 'unmute' | 'unban' | null {
  return UNDO[action] ?? null;
}
