import type { MediaAttachment } from '@hashchat/api/entities/media';
import type { MediaStorage } from '../media/storage';
import type { MediaRow } from '../store/media';

/** Mastodon's MediaAttachment entity from its row: no urls until the image is processed. */
export function presentMediaAttachment(row: MediaRow, storage: MediaStorage): MediaAttachment {
  const meta = JSON.parse(row.meta) as MediaAttachment['meta'];
  return {
    id: String(row.id),
    type: 'image',
    url: row.file_key ? storage.url(row.file_key) : null,
    preview_url: row.preview_key ? storage.url(row.preview_key) : null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: { ...meta, focus: { x: Number(row.focus_x), y: Number(row.focus_y) } },
    description: row.description === '' ? null : row.description,
    blurhash: row.blurhash,
  };
}
