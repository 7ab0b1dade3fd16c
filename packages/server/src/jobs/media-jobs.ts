import type { Context } from '../context';
import { processMedia, sweepUnattachedMedia } from '../services/media';
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
