import type { RoomKind, RoomState } from '../store/schema';
import type { StatusEntity } from './status';

/** Who an author is in a session's room (for badges and the "hosts only" filter). */
export type AuthorRole = 'host' | 'co_host' | 'guest' | null;

/** The `chat` field of a room status: how it sits in the session. */
export interface RoomChat {
  session_id: string;
  kind: RoomKind;
  question_number: number | null;
  spotlighted: boolean;
  late: boolean;
  room_state: RoomState;
  author_role: AuthorRole;
}

export interface RoomChatParts {
  session_id: number;
  kind: RoomKind;
  question_number: number | null;
  spotlighted_at: number | null;
  late: number;
  room_state: RoomState;
}

export function serializeRoomChat(r: RoomChatParts, role: AuthorRole): RoomChat {
  return {
    session_id: String(r.session_id),
    kind: r.kind,
    question_number: r.question_number === null ? null : Number(r.question_number),
    spotlighted: r.spotlighted_at !== null,
    late: Number(r.late) === 1,
    room_state: r.room_state,
    author_role: role,
  };
}

/** A room status: the Mastodon Status entity plus its `chat` field. */
export type RoomStatusEntity = StatusEntity & { chat: RoomChat };

export const withChat = (status: StatusEntity, chat: RoomChat): RoomStatusEntity => ({ ...status, chat });
