import type { QuestionKind } from '@hashchat/api/entities/live';
import type { MediaAttachment } from '@hashchat/api/entities/media';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { QuestionInput } from '../../api/request-types';
import { useAction } from '../../app/use-action';
import { AttachmentList } from '../composer/attachment-list';
import { useAttachments } from '../composer/use-attachments';

export interface QuestionFormProps {
  initial?: QuestionInput;
  /** The image the item holds now (an item being edited). */
  initialMedia?: MediaAttachment | null;
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

/**
 * Text, kind, time and image of one agenda item; an empty time means "when I press Next". The
 * image (a slide, a dish) is uploaded at once, like the composer's, and goes out with the item.
 */
export function QuestionForm({ initial, initialMedia, submitLabel, onSubmit, onCancel }: QuestionFormProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const image = useAttachments(1, initialMedia ? [initialMedia] : []);
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
      const [mediaId] = await image.finish();
      const hadImage = initialMedia !== undefined && initialMedia !== null;
      await onSubmit({
        text: text.trim(),
        kind,
        offset_minutes: offset === '' ? null : Number(offset),
        // An edit sends the image only when there is one, or one was taken away.
        ...(mediaId !== undefined ? { media_id: mediaId } : hadImage ? { media_id: null } : {}),
      });
      if (!initial) {
        setText('');
        setOffset('');
        image.clear();
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
      <AttachmentList
        items={image.items}
        disabled={busy}
        onDescribe={image.describe}
        onRemove={image.remove}
      />
      <div className="form-actions">
        <input
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          hidden
          aria-label="Image for this item"
          onChange={(event) => {
            if (event.target.files) image.add(event.target.files);
            event.target.value = '';
          }}
        />
        <button
          type="button"
          className="button button-quiet"
          disabled={busy || image.full}
          onClick={() => fileRef.current?.click()}
        >
          Add image
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !text.trim() || image.pending || image.failed}
        >
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
