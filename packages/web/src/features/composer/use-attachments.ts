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

const fromMedia = (media: MediaAttachment): Attachment => ({
  key: `a${++counter}`,
  name: media.description ?? 'image',
  localUrl: media.preview_url ?? media.url ?? '',
  progress: 1,
  media,
  description: media.description ?? '',
  error: null,
});

/**
 * The images of a status (or agenda item) being written: picked, pasted or dropped, uploaded at
 * once, with alt text; `initial` are ones uploaded before (an item being edited).
 */
export function useAttachments(max = MAX_ATTACHMENTS, initial: MediaAttachment[] = []) {
  const [items, setItems] = useState<Attachment[]>(() => initial.map(fromMedia));
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
      const room = Math.max(0, max - current.current.length);
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
    [update, max],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((list) => {
      const gone = list.find((a) => a.key === key);
      if (gone?.localUrl.startsWith('blob:')) URL.revokeObjectURL(gone.localUrl);
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
      for (const a of list) if (a.localUrl.startsWith('blob:')) URL.revokeObjectURL(a.localUrl);
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
    full: items.length >= max,
    /** Still uploading or processing (posting waits), or failed (to be removed). */
    pending: items.some((a) => !a.media && !a.error),
    failed: items.some((a) => a.error !== null),
  };
}
