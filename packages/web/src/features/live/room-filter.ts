import type { Status } from '@hashchat/api/entities/status';
import type { RoomFilter } from '../../api/live';

/** A filter as the value of the room's filter controls: "all", "hosts", "q3". */
export function filterKey(filter: RoomFilter): string {
  return filter.only === 'question' ? `q${filter.number}` : filter.only;
}

export function parseFilterKey(key: string): RoomFilter {
  if (key === 'hosts') return { only: 'hosts' };
  const question = /^q(\d{1,3})$/.exec(key);
  return question ? { only: 'question', number: Number(question[1]) } : { only: 'all' };
}

/**
 * Whether a status streamed into the room belongs in the filtered column: hosts & guests
 * keeps the statuses of people with a badge, a question's thread keeps the question and its
 * answers.
 */
export function acceptsStatus(
  filter: RoomFilter,
  status: Status,
  hasBadge: (accountId: string) => boolean,
): boolean {
  switch (filter.only) {
    case 'all':
      return true;
    case 'hosts':
      // The server names the author's role in the session; older payloads leave it to the chat's lists.
      return status.chat?.author_role != null || hasBadge(status.account.id);
    case 'question':
      return status.chat?.question_number === filter.number && status.chat.kind !== 'comment';
  }
}

/** The question numbers a reader may pick a thread of: those asked so far, in order. */
export function threadNumbers(asked: readonly (number | null)[]): number[] {
  return [...new Set(asked.filter((n): n is number => n !== null))].sort((a, b) => a - b);
}
