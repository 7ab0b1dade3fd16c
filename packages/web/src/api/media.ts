import type { MediaAttachment } from '@hashchat/api/entities/media';
import { ApiError } from './api-error';
import { api, getCsrfToken } from './http';

/**
 * Uploads an image (`POST /api/v2/media`), reporting progress from 0 to 1. XMLHttpRequest,
 * not fetch: only it reports upload progress. The answer may still be processing (`url` null).
 */
export function uploadMedia(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<MediaAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v2/media');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { error?: string } & Partial<MediaAttachment> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: the status says enough */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as MediaAttachment);
      else reject(new ApiError(xhr.status, body.error ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new ApiError(0, 'The upload failed; check your connection'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

/** Waits until the server has processed an upload (it answers 206 meanwhile). */
export async function waitForMedia(id: string, signal?: AbortSignal): Promise<MediaAttachment> {
  for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
    const media = await api<MediaAttachment>(`/api/v1/media/${encodeURIComponent(id)}`, { signal });
    if (media.url) return media;
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
  }
}

/** Sets an upload's alt text (before its status is posted). */
export function describeMedia(id: string, description: string): Promise<MediaAttachment> {
  return api<MediaAttachment>(`/api/v1/media/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { description },
  });
}
