import type { ModerationSettings } from '@hashchat/api/entities/moderation';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getModerationSettings, updateModerationSettings } from '../../api/moderation';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { parseWordFilter, wordFilterText } from './word-filter-text';

/** The chat's room rules: slow mode, the word filter, and approval of new accounts. */
export function ModerationSettingsForm({ chatId, onSaved }: { chatId: string; onSaved(): void }) {
  const id = useId();
  const [slow, setSlow] = useState('');
  const [words, setWords] = useState('');
  const [age, setAge] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [said, setSaid] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAction();
  const { busy } = action;
  const error = loadError ?? action.error;

  function show(s: ModerationSettings) {
    setSlow(String(s.slow_mode_seconds));
    setWords(wordFilterText(s.word_filter));
    setAge(String(s.min_account_age_days));
  }

  useLoad(() => getModerationSettings(chatId), [chatId], {
    onValue(s) {
      show(s);
      setLoaded(true);
    },
    onError: (err) => setLoadError(errorMessage(err)),
  });

  function save(event: FormEvent) {
    event.preventDefault();
    setSaid('');
    void action.run(async () => {
      show(
        await updateModerationSettings(chatId, {
          slow_mode_seconds: Number(slow) || 0,
          word_filter: parseWordFilter(words),
          min_account_age_days: Number(age) || 0,
        }),
      );
      setSaid('Saved. The rules apply to the next post.');
      onSaved();
    });
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
