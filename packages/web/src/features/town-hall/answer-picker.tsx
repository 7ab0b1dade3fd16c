import type { Status } from '@hashchat/api/entities/status';
import { useEffect, useId, useState } from 'react';
import { roomTimeline } from '../../api/live';
import { plainText } from './plain-text';

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
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');

  useEffect(() => {
    let active = true;
    roomTimeline(sessionId, { only: 'hosts' }).then(
      (page) => {
        if (!active) return;
        setStatuses(page.items);
        setChoice(page.items[0]?.id ?? '');
      },
      () => {},
    );
    return () => {
      active = false;
    };
  }, [sessionId]);

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
