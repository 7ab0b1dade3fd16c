import type { MediaAttachment } from '@hashchat/api/entities/media';
import { useState } from 'react';
import { BlurhashCanvas } from './blurhash-canvas';

interface MediaGalleryProps {
  media: MediaAttachment[];
  /** Hidden behind a button until asked for (a sensitive status, or one a `blur` filter matched). */
  sensitive: boolean;
  /** Why they are covered; "Sensitive content" unless said. */
  coverLabel?: string;
}

/**
 * A status's images: previews that open the full image, lazy-loaded, with their size set so
 * nothing moves as they arrive, and their alt text. A remote status's images come from its own
 * server; its other media are links.
 */
export function MediaGallery({ media, sensitive, coverLabel = 'Sensitive content' }: MediaGalleryProps) {
  const [shown, setShown] = useState(!sensitive);
  const ready = media.filter((m) => m.url !== null);
  if (ready.length === 0) return null;
  if (!shown)
    return (
      <button type="button" className="status-media-cover" onClick={() => setShown(true)}>
        {ready[0].blurhash && <BlurhashCanvas hash={ready[0].blurhash} className="status-media-blur" />}
        <span className="status-media-cover-label">
          {coverLabel}: show {ready.length === 1 ? 'image' : `${ready.length} images`}
        </span>
      </button>
    );
  return (
    <div className={`status-media status-media-${Math.min(ready.length, 4)}`}>
      {ready.map((m) => {
        const small = m.meta.small ?? m.meta.original;
        // A remote status's media of another kind (a video, a file) is linked, not shown as an image.
        if (m.type !== 'image')
          return (
            <a
              key={m.id}
              className="status-media-item status-media-file"
              href={m.url ?? undefined}
              target="_blank"
              rel="noreferrer"
            >
              {m.description ?? 'Attached file'}
            </a>
          );
        return (
          <a
            key={m.id}
            className="status-media-item"
            href={m.url ?? undefined}
            target="_blank"
            rel="noreferrer"
          >
            <img
              src={m.preview_url ?? m.url ?? undefined}
              alt={m.description ?? ''}
              title={m.description ?? undefined}
              width={small?.width}
              height={small?.height}
              loading="lazy"
              decoding="async"
            />
          </a>
        );
      })}
    </div>
  );
}
