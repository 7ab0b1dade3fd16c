import type { ScheduledStatus } from '@hashchat/api/entities/scheduled-status';
import type { ScheduledStatusRow } from '../store/scheduled-statuses';
import type { Visibility } from '../store/schema';

/** What a scheduled status stores to post with (the JSON of its `params` column). */
export interface ScheduledParams {
  text: string;
  poll: { options: string[]; expires_in: number; multiple: boolean; hide_totals: boolean } | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: Visibility;
  in_reply_to_id: number | null;
  language: string | null;
}

export function parseScheduledParams(row: ScheduledStatusRow): ScheduledParams {
  return JSON.parse(row.params) as ScheduledParams;
}

/** Mastodon's ScheduledStatus entity from its row. */
export function presentScheduledStatus(row: ScheduledStatusRow): ScheduledStatus {
  const p = parseScheduledParams(row);
  return {
    id: String(row.id),
    scheduled_at: new Date(Number(row.scheduled_at)).toISOString(),
    params: {
      text: p.text,
      poll: p.poll,
      media_ids: null,
      sensitive: p.sensitive,
      spoiler_text: p.spoiler_text,
      visibility: p.visibility,
      in_reply_to_id: p.in_reply_to_id === null ? null : String(p.in_reply_to_id),
      language: p.language,
      application_id: null,
      scheduled_at: null,
      idempotency: null,
      with_rate_limit: false,
    },
    media_attachments: [],
  };
}
