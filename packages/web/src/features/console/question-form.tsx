import type { QuestionKind } from '@hashchat/api/entities/live';
import { type FormEvent, useId, useState } from 'react';
import type { QuestionInput } from '../../api/request-types';
import { useAction } from '../../app/use-action';

export interface QuestionFormProps {
  initial?: QuestionInput;
  submitLabel: string;
  /** Rejects when the server refuses; the form shows why. */
  onSubmit(input: QuestionInput): Promise<void>;
  onCancel?(): void;
}

const KINDS: [QuestionKind, string][] = [
  ['question', 'Question'],
  ['intro', 'Intro post'],
  ['closing', 'Closing post'],
];

/** Text, kind and time of one agenda item; an empty time means "when I press Next". */
export function QuestionForm({ initial, submitLabel, onSubmit, onCancel }: QuestionFormProps) {
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [kind, setKind] = useState<QuestionKind>(initial?.kind ?? 'question');
  const [offset, setOffset] = useState(
    initial?.offset_minutes === null || initial?.offset_minutes === undefined
      ? ''
      : String(initial.offset_minutes),
  );
  const task = useAction();
  const { busy, error } = task;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    await task.run(async () => {
      await onSubmit({ text: text.trim(), kind, offset_minutes: offset === '' ? null : Number(offset) });
      if (!initial) {
        setText('');
        setOffset('');
      }
    });
  }

  return (
    <form className="question-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{initial ? 'Text' : 'New question'}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={2}
          required
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as QuestionKind)}
          >
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-offset`}>Minutes after the start</label>
          <input
            id={`${id}-offset`}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            value={offset}
            aria-describedby={`${id}-offset-hint`}
            onChange={(event) => setOffset(event.target.value)}
          />
          <p className="field-hint" id={`${id}-offset-hint`}>
            Empty: posted when you press Next.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
