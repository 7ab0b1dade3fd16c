import type { Status } from '@hashchat/api/entities/status';
import { useId, useState } from 'react';
import { roomTimeline } from '../../api/live';
import { useResource } from '../../app/use-resource';
import { plainText } from './plain-text';

const NO_STATUSES: Status[] = [];

/**
 * Chooses the status that answered a question: one of the hosts' latest statuses in the room,
 * or any status by its id.
 */
export function AnswerPicker({
  sessionId,
  onPick,
  onCancel,
}: {
  sessionId: string;
  onPick(statusId: string | null): void;
  onCancel(): void;
}) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const statuses =
    useResource(
      async (signal) => {
        const page = await roomTimeline(sessionId, { only: 'hosts' });
        if (!signal.aborted) setChoice(page.items[0]?.id ?? '');
        return page.items;
      },
      [sessionId],
    ).value ?? NO_STATUSES;

  const picked = typed.trim() || choice;
  return (
    <div className="answer-picker">
      <div className="field">
        <label htmlFor={`${id}-status`}>The answer, from the hosts' statuses in the room</label>
        <select id={`${id}-status`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">No answer status</option>
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              @{s.account.acct}: {plainText(s.content).slice(0, 80)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-typed`}>Or the answer's status id</label>
        <input
          id={`${id}-typed`}
          inputMode="numeric"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <div className="mod-form-actions">
        <button type="button" className="button button-primary" onClick={() => onPick(picked || null)}>
          Mark answered
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
