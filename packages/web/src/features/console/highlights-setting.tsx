import type { ChatSession } from '@hashchat/api/entities/chat';
import { type FormEvent, useId, useState } from 'react';
import { setCuratedThreshold } from '../../api/live';
import { useAction } from '../../app/use-action';

/**
 * The session's threshold for highlights: above that many people in the room, the room shows
 * the curated stream (the hosts', questions, spotlighted and approved statuses and a sample of
 * the rest) and readers can still ask for everything. Empty: never.
 */
export function HighlightsSetting({
  session,
  onSaved,
}: {
  session: ChatSession;
  onSaved(session: ChatSession): void;
}) {
  const id = useId();
  const [value, setValue] = useState(
    session.curated_threshold === null ? '' : String(session.curated_threshold),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const threshold = value.trim() === '' ? null : Number(value);
    await action.run(async () => {
      const updated = await setCuratedThreshold(session.id, threshold);
      onSaved(updated);
      setSaved(
        updated.curated_threshold === null
          ? 'The room always shows everything.'
          : `The room shows highlights above ${updated.curated_threshold} people.`,
      );
    });
  }

  return (
    <form className="form" onSubmit={save}>
      <div className="field">
        <label htmlFor={`${id}-threshold`}>Show highlights above this many people</label>
        <p className="field-hint" id={`${id}-hint`}>
          In a very large room readers see the hosts' and guests' posts, questions, spotlighted and approved
          ones and a sample of the rest, and can still switch to everything. Leave empty to always show
          everything.
        </p>
        <input
          id={`${id}-threshold`}
          type="number"
          min={0}
          inputMode="numeric"
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        Save
      </button>
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
      {saved && (
        <p className="muted" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
