import type { Generated } from 'kysely';

/** Uploaded images (migration 013). */
export interface MediaTables {
  media_attachments: MediaAttachmentsTable;
}

export type MediaState = 'processing' | 'ready' | 'failed';

export type MediaType = 'image' | 'unknown';

/** An uploaded image: processed on the job runner, attached to at most one status. */
export interface MediaAttachmentsTable {
  id: Generated<number>;
  account_id: number;
  status_id: number | null;
  /** The agenda question holding it until the question is published (migration 018). */
  question_id: number | null;
  position: Generated<number>;
  state: MediaState;
  incoming_key: string | null;
  file_key: string | null;
  preview_key: string | null;
  description: Generated<string>;
  focus_x: Generated<number>;
  focus_y: Generated<number>;
  meta: Generated<string>;
  blurhash: string | null;
  /** A remote status's attachment: its url on its own server; the row holds no files (migration 019). */
  remote_url: string | null;
  /** Mastodon's attachment type: 'image', or 'unknown' for remote media of another kind. */
  type: Generated<MediaType>;
  created_at: number;
}
