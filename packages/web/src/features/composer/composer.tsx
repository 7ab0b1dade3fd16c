import type { Status } from '@hashchat/api/entities/status';
import {
  type ClipboardEvent,
  type DragEvent,
  type FocusEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useId,
  useRef,
  useState,
} from 'react';
import { createStatus } from '../../api/statuses';
import { useAction } from '../../app/use-action';
import { useRoomModeration } from '../moderation/room-moderation-context';
import { useSlowMode } from '../moderation/use-slow-mode';
import { newPollDraft, type PollDraft, pollBody } from '../poll/poll-draft';
import { PollEditor } from '../poll/poll-editor';
import { AttachmentList } from './attachment-list';
import { newIdempotencyKey } from './idempotency-key';
import { containsTag, statusLength, withRoomTag } from './status-text';
import { useAttachments } from './use-attachments';
import { useMaxCharacters } from './use-max-characters';

export interface ComposerProps {
  /** The accessible and visible label of the text box, e.g. "Post to #xyz". */
  label: string;
  /** The room's hashtag; appended on submit when the text lacks it. */
  tag?: string;
  initialText?: string;
  inReplyToId?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  /** One line, its label as the placeholder, until focused or filled (the room's composer). */
  compact?: boolean;
  /** Set to a function that starts the text with a prefix (e.g. "A2 ") and puts the cursor after it. */
  prefillRef?: RefObject<((prefix: string) => void) | null>;
  onPosted(status: Status): void;
  onCancel?(): void;
}

export function Composer({
  label,
  tag,
  initialText = '',
  inReplyToId,
  submitLabel = 'Post',
  autoFocus,
  compact,
  prefillRef,
  onPosted,
  onCancel,
}: ComposerProps) {
  const id = useId();
  const max = useMaxCharacters();
  const [text, setText] = useState(initialText);
  const { run, busy: sending, error } = useAction();
  const keyRef = useRef(newIdempotencyKey());
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // A compact composer opens on first focus and stays open: folding it again on blur would
  // move everything below it under the pointer that is clicking there.
  const [open, setOpen] = useState(!compact);
  if (prefillRef)
    prefillRef.current = (prefix: string) => {
      // An answer prefix replaces one already typed ("A1 " becomes "A2 "), keeping the words.
      setText((now) => prefix + now.replace(/^\s*A\s?\d+\s*/i, ''));
      const box = textareaRef.current;
      if (!box) return;
      box.focus();
      requestAnimationFrame(() => box.setSelectionRange(box.value.length, box.value.length));
    };
  const fileRef = useRef<HTMLInputElement>(null);
  const attachments = useAttachments();
  const [dragging, setDragging] = useState(false);
  // A reply stays a reply: polls start new statuses (a room's, a host's).
  const [poll, setPoll] = useState<PollDraft | null>(null);
  const pollInput = poll ? pollBody(poll) : undefined;

  const finalText = withRoomTag(text, tag);
  const remaining = max - statusLength(finalText);
  const hasTag = tag ? containsTag(text, tag) : false;
  const hasImages = attachments.items.length > 0;
  // Images alone make a status; a reply's prefilled mention alone does not.
  const empty = (text.trim() === '' || text.trim() === initialText.trim()) && !hasImages;
  // In a chat's room (a status with its hashtag), slow mode is said before posting, and a
  // "Slow mode: wait N seconds" answer holds Post back until the countdown ends.
  const room = useRoomModeration();
  const inRoom = room !== null && tag !== undefined && tag.toLowerCase() === room.hashtag.toLowerCase();
  const slowMode = useSlowMode(error, inRoom ? room.chatId : null);
  const canSend =
    !sending &&
    !empty &&
    remaining >= 0 &&
    !slowMode.waiting &&
    !attachments.pending &&
    !attachments.failed &&
    pollInput !== null;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    await run(async () => {
      const mediaIds = await attachments.finish();
      const status = await createStatus(
        {
          status: finalText,
          in_reply_to_id: inReplyToId,
          media_ids: mediaIds.length > 0 ? mediaIds : undefined,
          poll: pollInput ?? undefined,
        },
        keyRef.current,
      );
      keyRef.current = newIdempotencyKey();
      setText('');
      setPoll(null);
      attachments.clear();
      slowMode.posted();
      onPosted(status);
    });
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  function onFocus(event: FocusEvent<HTMLTextAreaElement>) {
    // A prefilled reply starts with the cursor after the mention.
    if (initialText && event.currentTarget.value === initialText) {
      const end = initialText.length;
      event.currentTarget.setSelectionRange(end, end);
    }
  }

  function onPaste(event: ClipboardEvent) {
    if (event.clipboardData.files.length === 0) return;
    event.preventDefault();
    attachments.add(event.clipboardData.files);
  }

  function onDrop(event: DragEvent) {
    setDragging(false);
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    attachments.add(event.dataTransfer.files);
  }

  function onDragOver(event: DragEvent) {
    if (![...event.dataTransfer.types].includes('Files')) return;
    event.preventDefault();
    setDragging(true);
  }

  return (
    <form
      className={`composer${compact ? ' composer-compact' : ''}${open ? ' composer-open' : ''}${dragging ? ' composer-dropping' : ''}`}
      onSubmit={submit}
      onPaste={onPaste}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
    >
      <label htmlFor={`${id}-text`} className="composer-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textareaRef}
        className="composer-text"
        value={text}
        rows={compact ? 1 : inReplyToId ? 2 : 3}
        placeholder={compact ? `${label}…` : undefined}
        // Read-only rather than disabled while sending, so focus stays in the box.
        readOnly={sending}
        // biome-ignore lint/a11y/noAutofocus: opening a reply is a request to type in it
        autoFocus={autoFocus}
        aria-describedby={`${id}-meta`}
        aria-invalid={remaining < 0 || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          setOpen(true);
          onFocus(event);
        }}
      />
      <AttachmentList
        items={attachments.items}
        disabled={sending}
        onDescribe={attachments.describe}
        onRemove={attachments.remove}
      />
      {poll && (
        <PollEditor draft={poll} disabled={sending} onChange={setPoll} onRemove={() => setPoll(null)} />
      )}
      <div className="composer-bar">
        <p className="composer-meta" id={`${id}-meta`}>
          {tag && (
            <span className="chip">
              <span className="chip-tag">#{tag}</span> {hasTag ? 'included' : 'will be added'}
            </span>
          )}
          <span className={remaining < 0 ? 'counter counter-over' : 'counter'}>
            {remaining} <span className="sr-only">characters left</span>
          </span>
        </p>
        <div className="composer-actions">
          <input
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            multiple
            hidden
            onChange={(event) => {
              if (event.target.files) attachments.add(event.target.files);
              event.target.value = '';
            }}
          />
          <button
            type="button"
            className="button button-quiet"
            // A status carries images or a poll, not both (as in Mastodon).
            disabled={sending || attachments.full || poll !== null}
            onClick={() => fileRef.current?.click()}
          >
            Add images
          </button>
          {!inReplyToId && (
            <button
              type="button"
              className="button button-quiet"
              disabled={sending || poll !== null || hasImages}
              onClick={() => {
                setOpen(true);
                setPoll(newPollDraft());
              }}
            >
              Add poll
            </button>
          )}
          {onCancel && (
            <button type="button" className="button button-quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={!canSend}>
            {sending ? 'Posting…' : submitLabel}
          </button>
        </div>
      </div>
      {error && !slowMode.refusal && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {slowMode.text && (
        <p className="slow-mode" role="status">
          {slowMode.text}
        </p>
      )}
    </form>
  );
}
