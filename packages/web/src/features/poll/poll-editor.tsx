import { POLL_LIMITS } from '@hashchat/core/status/poll-rules';
import { useId } from 'react';
import { POLL_DURATIONS, type PollDraft } from './poll-draft';

export interface PollEditorProps {
  draft: PollDraft;
  disabled: boolean;
  onChange(draft: PollDraft): void;
  onRemove(): void;
}

/** The composer's poll: two to four options, how long it runs, one choice or several. */
export function PollEditor({ draft, disabled, onChange, onRemove }: PollEditorProps) {
  const id = useId();
  const setOption = (index: number, value: string) =>
    onChange({ ...draft, options: draft.options.map((o, i) => (i === index ? value : o)) });
  return (
    <fieldset className="poll-editor" disabled={disabled}>
      <legend>Poll</legend>
      <ol className="poll-editor-options">
        {draft.options.map((option, index) => (
          // Options are positions: their index is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position
          <li key={index}>
            <label htmlFor={`${id}-o${index}`} className="sr-only">
              Option {index + 1}
            </label>
            <input
              id={`${id}-o${index}`}
              type="text"
              value={option}
              placeholder={`Option ${index + 1}`}
              maxLength={POLL_LIMITS.max_characters_per_option}
              onChange={(event) => setOption(index, event.target.value)}
            />
            {draft.options.length > 2 && (
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove option ${index + 1}`}
                onClick={() => onChange({ ...draft, options: draft.options.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="poll-editor-bar">
        {draft.options.length < POLL_LIMITS.max_options && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onChange({ ...draft, options: [...draft.options, ''] })}
          >
            Add option
          </button>
        )}
        <label htmlFor={`${id}-duration`}>Runs for</label>
        <select
          id={`${id}-duration`}
          value={draft.expiresIn}
          onChange={(event) => onChange({ ...draft, expiresIn: Number(event.target.value) })}
        >
          {POLL_DURATIONS.map(([seconds, label]) => (
            <option key={seconds} value={seconds}>
              {label}
            </option>
          ))}
        </select>
        <label className="poll-editor-multiple">
          <input
            type="checkbox"
            checked={draft.multiple}
            onChange={(event) => onChange({ ...draft, multiple: event.target.checked })}
          />{' '}
          Several choices
        </label>
        <button type="button" className="button button-quiet" onClick={onRemove}>
          Remove poll
        </button>
      </div>
    </fieldset>
  );
}
