import type { Poll } from '@hashchat/api/entities/poll';
import { api } from './http';

/** Votes on a poll (option indexes); answers with the poll as the voter now sees it. */
export function votePoll(pollId: string, choices: number[]): Promise<Poll> {
  return api<Poll>(`/api/v1/polls/${encodeURIComponent(pollId)}/votes`, {
    method: 'POST',
    body: { choices },
  });
}
