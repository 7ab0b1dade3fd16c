import type { RoomChat, Status } from '@hashchat/api/entities/status';
import { answerPrefix } from '@hashchat/core/chat/classify';
import { plainText } from './plain-text';

/**
 * How a status sits in the room. The server classifies every room status; a status the
 * viewer just posted shows before the stream brings its classification, so until then it is
 * guessed the way the server decides for a participant: "A n" answers n, a reply to question
 * n or to an answer to n answers n, anything else is a comment.
 */
export function roomChat(status: Status, byId: ReadonlyMap<string, Status>): RoomChat | null {
  if (status.chat) return status.chat;
  const answered = answerPrefix(plainText(status.content));
  const parent = status.in_reply_to_id ? byId.get(status.in_reply_to_id)?.chat : undefined;
  const sessionId = parent?.session_id ?? '';
  const answer = (n: number): RoomChat => ({
    session_id: sessionId,
    kind: 'answer',
    question_number: n,
    spotlighted: false,
    late: false,
    room_state: 'visible',
    author_role: null,
  });
  if (answered !== null) return answer(answered);
  if (parent && parent.kind !== 'comment' && parent.question_number !== null)
    return answer(parent.question_number);
  return null;
}
