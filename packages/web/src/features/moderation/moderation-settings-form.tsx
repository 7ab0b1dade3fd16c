import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getModerationSettings, updateModerationSettings } from '../../api/moderation';
import { parseWordFilter, wordFilterText } from './word-filter-text';

/** The chat's room rules: slow mode, the word filter, and approval of new accounts. */
export function ModerationSettingsForm({ chatId, onSaved }: { chatId: string; onSaved(): void }) {
  const id = useId();
  const [slow, setSlow] = useState('');
  const [words, setWords] = useState('');
  const [age, setAge] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getModerationSettings(chatId).then(
      (s) => {
        setSlow(String(s.slow_mode_seconds));
        setWords(wordFilterText(s.word_filter));
        setAge(String(s.min_account_age_days));
        setLoaded(true);
      },
      (err) => setError(errorMessage(err)),
    );
  }, [chatId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaid('');
    try {
      const s = await updateModerationSettings(chatId, {
        slow_mode_seconds: Number(slow) || 0,
        word_filter: parseWordFilter(words),
        min_account_age_days: Number(age) || 0,
      });
      setSlow(String(s.slow_mode_seconds));
      setWords(wordFilterText(s.word_filter));
      setAge(String(s.min_account_age_days));
      setSaid('Saved. The rules apply to the next post.');
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form mod-settings" onSubmit={save}>
      <div className="field">
        <label htmlFor={`${id}-slow`}>Slow mode (seconds between a participant's posts)</label>
        <p className="field-hint" id={`${id}-slow-hint`}>
          0 turns slow mode off. Hosts and co-hosts are never slowed down.
        </p>
        <input
          id={`${id}-slow`}
          type="number"
          min={0}
          max={3600}
          inputMode="numeric"
          aria-describedby={`${id}-slow-hint`}
          value={slow}
          disabled={!loaded}
          onChange={(e) => setSlow(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-words`}>Word filter</label>
        <p className="field-hint" id={`${id}-words-hint`}>
          One word or phrase a line. Statuses that contain one wait for your approval in the queue.
        </p>
        <textarea
          id={`${id}-words`}
          rows={4}
          aria-describedby={`${id}-words-hint`}
          value={words}
          disabled={!loaded}
          onChange={(e) => setWords(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-age`}>Approve accounts newer than (days)</label>
        <p className="field-hint" id={`${id}-age-hint`}>
          Statuses from younger accounts wait in the queue. 0 lets everyone in.
        </p>
        <input
          id={`${id}-age`}
          type="number"
          min={0}
          max={3650}
          inputMode="numeric"
          aria-describedby={`${id}-age-hint`}
          value={age}
          disabled={!loaded}
          onChange={(e) => setAge(e.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !loaded}>
          Save room rules
        </button>
      </div>
      <p className="field-hint" role="status">
        {said}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
