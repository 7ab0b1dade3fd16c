import type { Context } from '../context';
import { processMedia, removeFiles, sweepUnattachedMedia } from '../services/media';
import type { JobHandler } from './scheduler';

/** How often uploads no status took are looked for. */
export const MEDIA_SWEEP_EVERY_MS = 60 * 60 * 1000;

/** `media.process`: decodes one upload into its served files. */
export const processMediaJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    await processMedia(ctx, Number(payload.id));
    return undefined;
  };

/** `media.sweep`: a recurring job removing day-old uploads no status took. */
export const sweepMediaJob =
  (ctx: Context): JobHandler =>
  async () => {
    await sweepUnattachedMedia(ctx);
    return { rerunAt: ctx.now() + MEDIA_SWEEP_EVERY_MS };
  };

/** `media.remove`: deletes the files of media rows a committed transaction dropped. */
export const removeMediaFilesJob =
  (ctx: Context): JobHandler =>
  async (_job, payload) => {
    const keys = Array.isArray(payload.keys)
      ? payload.keys.filter((k): k is string => typeof k === 'string')
      : [];
    await removeFiles(ctx, keys);
    return undefined;
  };
