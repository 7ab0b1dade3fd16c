import type { PollBody } from '@hashchat/api/requests/statuses';

/** A poll being written in the composer. */
export interface PollDraft {
  options: string[];
  /** Seconds. */
  expiresIn: number;
  multiple: boolean;
}

/** The lengths offered, within the server's 5 minutes to 7 days. */
export const POLL_DURATIONS: [seconds: number, label: string][] = [
  [5 * 60, '5 minutes'],
  [15 * 60, '15 minutes'],
  [30 * 60, '30 minutes'],
  [3600, '1 hour'],
  [6 * 3600, '6 hours'],
  [86_400, '1 day'],
  [3 * 86_400, '3 days'],
  [7 * 86_400, '7 days'],
];

export const newPollDraft = (): PollDraft => ({ options: ['', ''], expiresIn: 15 * 60, multiple: false });

/** The draft as `POST /api/v1/statuses` takes it, or null while it has fewer than two options filled. */
export function pollBody(draft: PollDraft): PollBody | null {
  const options = draft.options.map((o) => o.trim()).filter((o) => o !== '');
  if (options.length < 2) return null;
  return { options, expires_in: draft.expiresIn, multiple: draft.multiple };
}
