import type { LoggedAction, ReportCategory } from '@hashchat/api/entities/moderation';
import { type FormEvent, useId, useState } from 'react';
import { moderateRoom } from '../../api/moderation';
import type { RoomActionInput } from '../../api/request-types';
import { useAction } from '../../app/use-action';
import { CATEGORIES, DURATIONS } from './categories';

export type FormAction = 'hide' | 'mute' | 'ban';

const LABELS: Record<FormAction, string> = { hide: 'Hide', mute: 'Mute', ban: 'Ban' };

/** Hide a status (with a reason), or mute or ban its author for a while; the action is logged. */
export function ActionForm({
  sessionId,
  action,
  target,
  onDone,
  onCancel,
  send = (input) => moderateRoom(sessionId, input),
}: {
  sessionId: string;
  action: FormAction;
  target: { status_id: string } | { account_id: string };
  onDone(entry: LoggedAction): void;
  /** Sends the action (the room's Hide marks the status first, to keep it in place). */
  send?(input: RoomActionInput): Promise<LoggedAction>;
  onCancel(): void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<ReportCategory | ''>('');
  const [duration, setDuration] = useState<string>(action === 'mute' ? '60' : '');
  const { run, busy, error } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: RoomActionInput = {
      action,
      ...target,
      reason: reason.trim(),
      ...(category ? { category } : {}),
      ...(action !== 'hide' && duration ? { duration_minutes: Number(duration) } : {}),
    };
    void run(async () => onDone(await send(input)));
  }

  return (
    <form
      className="mod-form"
      onSubmit={submit}
      aria-label={`${LABELS[action]} ${action === 'hide' ? 'status' : 'author'}`}
    >
      {action !== 'hide' && (
        <div className="field">
          <label htmlFor={`${id}-duration`}>For how long</label>
          <select id={`${id}-duration`} value={duration} onChange={(e) => setDuration(e.target.value)}>
            {DURATIONS.map((d) => (
              <option key={d.label} value={d.minutes ?? ''}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason (shown in the log)</label>
        <input
          id={`${id}-reason`}
          maxLength={500}
          value={reason}
          // biome-ignore lint/a11y/noAutofocus: the form opens on request, to type the reason
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category (public counts)</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => setCategory(e.target.value as ReportCategory | '')}
        >
          <option value="">None</option>
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="mod-form-actions">
        <button type="submit" className="button button-danger" disabled={busy}>
          {LABELS[action]}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
