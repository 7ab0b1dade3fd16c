import type { RoomChat } from '@hashchat/api/entities/status';

const ROOM_STATE_TEXT = { hidden: 'Hidden', muted: 'Muted', pending: 'Waiting for approval' };

/**
 * "Q1", "A1" or "Late" beside a room status, so the thread a status belongs to shows at a
 * glance; and, to its author and the hosts, whether it is hidden, muted or waiting for approval.
 */
export function ChatKindTag({ chat }: { chat: RoomChat }) {
  const n = chat.question_number;
  return (
    <>
      {chat.kind === 'question' && n !== null && (
        <span className="kind-tag kind-question">
          <span aria-hidden="true">Q{n}</span>
          <span className="sr-only">Question {n}</span>
        </span>
      )}
      {chat.kind === 'answer' && n !== null && (
        <span className="kind-tag kind-answer">
          <span aria-hidden="true">A{n}</span>
          <span className="sr-only">Answer to question {n}</span>
        </span>
      )}
      {chat.late && <span className="kind-tag kind-late">Late</span>}
      {chat.room_state && chat.room_state !== 'visible' && (
        <span className="kind-tag kind-late">{ROOM_STATE_TEXT[chat.room_state]}</span>
      )}
    </>
  );
}
