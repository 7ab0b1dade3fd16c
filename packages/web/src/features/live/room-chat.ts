import { answerPrefix } from '@hashchat/core/chat/classify';
import type { StatusChat } from '../../api/live-types';
import type { Status } from '../../api/types';
import { plainText } from './plain-text';

/**
 * How a status sits in the room. The server classifies every room status; a status the
 * viewer just posted shows before the stream brings its classification, so until then it is
 * guessed the way the server decides for a participant: "A n" answers n, a reply to question
 * n or to an answer to n answers n, anything else is a comment.
 */
export function roomChat(status: Status, byId: ReadonlyMap<string, Status>): StatusChat | null {
  if (status.chat) return status.chat;
  const answered = answerPrefix(plainText(status.content));
  const parent = status.in_reply_to_id ? byId.get(status.in_reply_to_id)?.chat : undefined;
  const sessionId = parent?.session_id ?? '';
  if (answered !== null) return { session_id: sessionId, kind: 'answer', question_number: answered };
  if (parent && parent.kind !== 'comment' && parent.question_number !== null)
    return { session_id: sessionId, kind: 'answer', question_number: parent.question_number };
  return null;
}
