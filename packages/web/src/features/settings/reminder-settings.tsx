import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getChatPreferences, setChatPreferences } from '../../api/chat-preferences';
import { useLoad } from '../../app/use-load';
import { REMINDER_CHOICES, reminderChoiceLabel } from './reminder-choice';

export function ReminderSettings() {
  const [minutes, setMinutes] = useState<number | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);

  useLoad(getChatPreferences, [], {
    onValue: (prefs) => setMinutes(prefs.reminder_minutes),
    onError: (err) => setError(errorMessage(err)),
  });

  async function change(value: number) {
    const before = minutes;
    setMinutes(value);
    setError(null);
    setStatus('Saving…');
    try {
      const saved = await setChatPreferences({ reminder_minutes: value });
      setMinutes(saved.reminder_minutes);
      setStatus('Saved.');
    } catch (err) {
      setMinutes(before);
      setStatus('');
      setError(errorMessage(err));
    }
  }

  const choices =
    minutes === null || REMINDER_CHOICES.includes(minutes)
      ? REMINDER_CHOICES
      : [...REMINDER_CHOICES, minutes].sort((a, b) => a - b);
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      <div className="field">
        <label htmlFor="reminder-minutes">Remind me of sessions of chats I follow</label>
        <p className="field-hint" id="reminder-minutes-hint">
          You also get a notification when a session goes live.
        </p>
        <select
          id="reminder-minutes"
          aria-describedby="reminder-minutes-hint"
          value={minutes ?? ''}
          disabled={minutes === null}
          onChange={(event) => change(Number(event.target.value))}
        >
          {minutes === null && <option value="">Loading…</option>}
          {choices.map((m) => (
            <option key={m} value={m}>
              {reminderChoiceLabel(m)}
            </option>
          ))}
        </select>
        <p className="field-hint" role="status">
          {status}
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
