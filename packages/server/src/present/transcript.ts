import type { RoomStatusRow } from '../store/transcripts';
import type { AuthorRole, RoomChat } from './room-status';
import { serializeRoomChat } from './room-status';

/** Who is who in a session, for the `author_role` of its statuses. */
export interface SessionRoles {
  ownerId: string;
  coHostIds: ReadonlySet<string>;
  guestIds: ReadonlySet<string>;
}

export function roleOf(roles: SessionRoles, accountId: string): AuthorRole {
  if (accountId === roles.ownerId) return 'host';
  if (roles.coHostIds.has(accountId)) return 'co_host';
  return roles.guestIds.has(accountId) ? 'guest' : null;
}

/** The room's `chat` field of a transcript status (the same shape the live room sends). */
export const transcriptChat = (row: RoomStatusRow, sessionId: number, roles: SessionRoles): RoomChat =>
  serializeRoomChat({ ...row, session_id: sessionId }, roleOf(roles, String(row.account_id)));

/** A question of the transcript's index. */
export interface QuestionIndexEntity {
  question_number: number;
  /** The status that asked it; null when only answers to it are in the room. */
  status_id: string | null;
  text: string | null;
  answers_count: number;
}
