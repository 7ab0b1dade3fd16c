import type { Readable } from 'node:stream';

/**
 * Where media files live: a folder on disk by default, an S3-compatible bucket at scale. Keys
 * are ours (`<random>/original.jpg`), never a client's file name.
 */
export interface MediaStorage {
  /**
   * Stores `body` under `key` (replacing what was there). A stream whose `size` is given is
   * sent as it is read, never held whole in memory.
   */
  put(key: string, body: Buffer | Readable, size?: number): Promise<void>;
  /** The file's bytes as a stream and its size, or null when there is none. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Where clients fetch it. */
  url(key: string): string;
}

/** The content type of a stored file, fixed by the extension we gave it at upload. */
export const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** A key the media route serves: processed files only, never an upload still waiting. */
export const SERVED_KEY = /^([a-z0-9]{24})\/(original|small)\.(jpg|png|webp|gif)$/;
