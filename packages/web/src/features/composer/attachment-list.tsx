import type { Attachment } from './use-attachments';

interface AttachmentListProps {
  items: Attachment[];
  disabled: boolean;
  onDescribe(key: string, description: string): void;
  onRemove(key: string): void;
}

/** The images of the status being written: a thumbnail, its upload progress, an alt text field, remove. */
export function AttachmentList({ items, disabled, onDescribe, onRemove }: AttachmentListProps) {
  if (items.length === 0) return null;
  return (
    <ul className="composer-attachments">
      {items.map((a, i) => (
        <li key={a.key} className="composer-attachment">
          <img src={a.media?.preview_url ?? a.localUrl} alt="" className="composer-thumb" />
          {a.error ? (
            <p className="form-error" role="alert">
              {a.name}: {a.error}
            </p>
          ) : a.media ? null : (
            <progress
              className="composer-progress"
              max={1}
              value={a.progress < 1 ? a.progress : undefined}
              aria-label={`Uploading image ${i + 1}`}
            />
          )}
          <label className="composer-alt">
            <span className="sr-only">Alt text for image {i + 1}</span>
            <input
              type="text"
              value={a.description}
              placeholder="Describe this image (alt text)"
              maxLength={1500}
              readOnly={disabled}
              onChange={(event) => onDescribe(a.key, event.target.value)}
            />
          </label>
          <button
            type="button"
            className="button button-quiet"
            disabled={disabled}
            onClick={() => onRemove(a.key)}
          >
            Remove <span className="sr-only">image {i + 1}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
