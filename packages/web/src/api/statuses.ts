import type { Status, Visibility } from '@hashchat/api/entities/status';
import type { PollBody } from '@hashchat/api/requests/statuses';
import { api } from './http';

export interface NewStatus {
  status: string;
  in_reply_to_id?: string;
  visibility?: Visibility;
  language?: string;
  media_ids?: string[];
  poll?: PollBody;
}

/** Posts a status; the same `idempotencyKey` makes a retried submit create it once. */
export function createStatus(input: NewStatus, idempotencyKey: string): Promise<Status> {
  return api<Status>('/api/v1/statuses', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getStatus(id: string): Promise<Status> {
  return api<Status>(`/api/v1/statuses/${encodeURIComponent(id)}`);
}

export function deleteStatus(id: string): Promise<Status> {
  return api<Status>(`/api/v1/statuses/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function getContext(id: string): Promise<{ ancestors: Status[]; descendants: Status[] }> {
  return api(`/api/v1/statuses/${encodeURIComponent(id)}/context`);
}

export type StatusAction = 'favourite' | 'unfavourite' | 'reblog' | 'unreblog';

/** Applies a like/repost action and returns the acted-on status as the server now sees it. */
export async function actOnStatus(id: string, action: StatusAction): Promise<Status> {
  const result = await api<Status>(`/api/v1/statuses/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
  });
  // Reblogging answers with the new reblog wrapping the original.
  return action === 'reblog' && result.reblog ? result.reblog : result;
}
