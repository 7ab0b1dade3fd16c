import type { MediaAttachment } from '@hashchat/api/entities/media';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { describeMedia, uploadMedia, waitForMedia } from '../../api/media';

/** The most images one status may carry (the server's limit too). */
export const MAX_ATTACHMENTS = 4;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export interface Attachment {
  key: string;
  name: string;
  /** A local preview of the picked file, shown until the server's is ready. */
  localUrl: string;
  /** 0 to 1 while uploading; 1 while the server processes it. */
  progress: number;
  media: MediaAttachment | null;
  description: string;
  error: string | null;
}

let counter = 0;

/** The images of a status being written: picked, pasted or dropped, uploaded at once, with alt text. */
export function useAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const update = useCallback((key: string, change: Partial<Attachment>) => {
    setItems((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
  }, []);

  useEffect(() => {
    const open = controllers.current;
    return () => {
      for (const c of open.values()) c.abort();
    };
  }, []);

  // The list as of now, for `add` called twice before React re-renders (a paste, then a drop).
  const current = useRef(items);
  current.current = items;

  const add = useCallback(
    (files: Iterable<File>) => {
      const images = [...files].filter((f) => IMAGE_TYPES.includes(f.type));
      const room = Math.max(0, MAX_ATTACHMENTS - current.current.length);
      const taken = images.slice(0, room).map(
        (file): Attachment => ({
          key: `a${++counter}`,
          name: file.name,
          localUrl: URL.createObjectURL(file),
          progress: 0,
          media: null,
          description: '',
          error: null,
        }),
      );
      current.current = [...current.current, ...taken];
      setItems((list) => [...list, ...taken]);
      taken.forEach((a, i) => {
        const controller = new AbortController();
        controllers.current.set(a.key, controller);
        uploadMedia(images[i], (progress) => update(a.key, { progress }), controller.signal)
          .then((media) => (media.url ? media : waitForMedia(media.id, controller.signal)))
          .then((media) => update(a.key, { media, progress: 1 }))
          .catch((err) => {
            if (!controller.signal.aborted) update(a.key, { error: errorMessage(err) });
          })
          .finally(() => controllers.current.delete(a.key));
      });
    },
    [update],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((list) => {
      const gone = list.find((a) => a.key === key);
      if (gone) URL.revokeObjectURL(gone.localUrl);
      return list.filter((a) => a.key !== key);
    });
  }, []);

  const describe = useCallback((key: string, description: string) => update(key, { description }), [update]);

  /** Saves the alt texts and returns the ids to post, in order. */
  const finish = useCallback(async (): Promise<string[]> => {
    const ids: string[] = [];
    for (const a of items) {
      if (!a.media) continue;
      if (a.description.trim() !== (a.media.description ?? ''))
        await describeMedia(a.media.id, a.description.trim());
      ids.push(a.media.id);
    }
    return ids;
  }, [items]);

  const clear = useCallback(() => {
    setItems((list) => {
      for (const a of list) URL.revokeObjectURL(a.localUrl);
      return [];
    });
  }, []);

  return {
    items,
    add,
    remove,
    describe,
    finish,
    clear,
    full: items.length >= MAX_ATTACHMENTS,
    /** Still uploading or processing (posting waits), or failed (to be removed). */
    pending: items.some((a) => !a.media && !a.error),
    failed: items.some((a) => a.error !== null),
  };
}
