import type { RoomChat, Status } from '@hashchat/api/entities/status';
import { classify } from '@hashchat/core/chat/classify';
import { plainText } from './plain-text';

/**
 * How a status sits in the room. The server classifies every room status; a status the
 * viewer just posted shows before the stream brings its classification, so until then it is
 * judged by core's rule, as the server will for a participant: "A n" answers n, a reply to
 * question n answers n, a reply to an answer is a comment in its thread, anything else a comment.
 */
export function roomChat(status: Status, byId: ReadonlyMap<string, Status>, sessionId = ''): RoomChat | null {
  if (status.chat) return status.chat;
  const parent = status.in_reply_to_id ? byId.get(status.in_reply_to_id)?.chat : undefined;
  const guessed = classify({
    status: {
      id: status.id,
      accountId: status.account.id,
      text: plainText(status.content),
      inReplyToId: status.in_reply_to_id ?? null,
    },
    isHost: false,
    agendaQuestionNumber: null,
    parent: parent ? { kind: parent.kind, questionNumber: parent.question_number } : null,
  });
  if (guessed.kind !== 'answer') return null;
  return {
    session_id: parent?.session_id ?? sessionId,
    kind: 'answer',
    question_number: guessed.questionNumber,
    spotlighted: false,
    late: false,
    room_state: 'visible',
    author_role: null,
  };
}
