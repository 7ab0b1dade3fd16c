import type { MediaAttachment } from '@hashchat/api/entities/media';
import type { MediaStorage } from '../media/storage';
import type { MediaRow } from '../store/media';

/**
 * Mastodon's MediaAttachment entity from its row: no urls until the image is processed. A remote
 * status's attachment is linked, not copied: its urls are those of its own server.
 */
export function presentMediaAttachment(row: MediaRow, storage: MediaStorage): MediaAttachment {
  const meta = JSON.parse(row.meta) as MediaAttachment['meta'];
  const remote = row.remote_url;
  return {
    id: String(row.id),
    type: row.type ?? 'image',
    url: remote ?? (row.file_key ? storage.url(row.file_key) : null),
    preview_url: remote
      ? row.type === 'image'
        ? remote
        : null
      : row.preview_key
        ? storage.url(row.preview_key)
        : null,
    remote_url: remote,
    preview_remote_url: null,
    text_url: null,
    meta: { ...meta, focus: { x: Number(row.focus_x), y: Number(row.focus_y) } },
    description: row.description === '' ? null : row.description,
    blurhash: row.blurhash,
  };
}
