import { idParam, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import {
  createQuestion,
  deleteQuestion,
  listQuestions,
  reorderQuestions,
  skipQuestion,
  updateQuestion,
} from '../../../services/live/agenda';
import { hotQuestions } from '../../../services/live/join-pages';
import { publishNext, publishQuestion } from '../../../services/live/publish-question';
import { optionalUser, requireUser } from '../../auth';
import { sendHot } from '../../hot-answer';
import type { RouteModule } from '../../route-module';

const MAX_OFFSET_MINUTES = 7 * 24 * 60;

const text = userText().trim().min(1, "can't be blank").max(5000, 'is too long');
const offset = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d{1,6}$/, 'must be a whole number of minutes')
      .transform(Number),
  ])
  .pipe(z.number().int('must be a whole number of minutes').min(0).max(MAX_OFFSET_MINUTES))
  .nullable();
const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/\S+$/i.test(v), 'must be an http(s) URL')
  .nullable();
const imageAlt = userText().trim().max(1500).nullable();
const kind = z.enum(['question', 'intro', 'closing']);
/** An upload's id (from POST /api/v2/media); null or "" takes the image away. */
const mediaId = z
  .union([z.string().regex(/^\d{1,18}$/, 'must be a media id'), z.number().int().positive()])
  .transform(Number)
  .nullable();
/** Empty strings (forms) mean "none". */
const blankToNull = (v: unknown) => (v === '' ? null : v);

const createSchema = z
  .object({
    text,
    offset_minutes: z.preprocess(blankToNull, offset).optional(),
    kind: kind.optional(),
    image_url: z.preprocess(blankToNull, imageUrl).optional(),
    image_alt: z.preprocess(blankToNull, imageAlt).optional(),
    media_id: z.preprocess(blankToNull, mediaId).optional(),
  })
  .transform((b) => ({
    text: b.text,
    mediaId: b.media_id ?? null,
    offsetMinutes: b.offset_minutes ?? null,
    kind: b.kind ?? ('question' as const),
    imageUrl: b.image_url ?? null,
    imageAlt: b.image_alt ?? null,
  }));

const patchSchema = z
  .object({
    text: text.optional(),
    offset_minutes: z.preprocess(blankToNull, offset).optional(),
    kind: kind.optional(),
    image_url: z.preprocess(blankToNull, imageUrl).optional(),
    image_alt: z.preprocess(blankToNull, imageAlt).optional(),
    media_id: z.preprocess(blankToNull, mediaId).optional(),
  })
  .transform((b) => ({
    ...(b.media_id !== undefined ? { mediaId: b.media_id } : {}),
    ...(b.text !== undefined ? { text: b.text } : {}),
    ...(b.offset_minutes !== undefined ? { offsetMinutes: b.offset_minutes } : {}),
    ...(b.kind !== undefined ? { kind: b.kind } : {}),
    ...(b.image_url !== undefined ? { imageUrl: b.image_url } : {}),
    ...(b.image_alt !== undefined ? { imageAlt: b.image_alt } : {}),
  }));

const idString = z
  .union([z.string().regex(/^\d{1,18}$/, 'must be ids'), z.number().int().positive()])
  .transform(Number);
const reorderSchema = z.object({ ids: z.array(idString).max(500) });
const nextSchema = z.object({ expected_id: idString.optional() });

/** The agenda: list, create, change, reorder, skip, delete, publish, and the host console's Next. */
export const liveQuestionRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/sessions/:id/questions', async (req, reply) => {
    const { id } = parseRequest(idParam, req.params);
    const viewer = optionalUser(req, 'read:statuses');
    if (viewer === null) return sendHot(reply, await hotQuestions(ctx, id));
    return listQuestions(ctx, id, viewer);
  });

  app.post('/api/v1/sessions/:id/questions', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return createQuestion(ctx, me, id, parseRequest(createSchema, req.body));
  });

  app.post('/api/v1/sessions/:id/questions/reorder', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return reorderQuestions(ctx, me, id, parseRequest(reorderSchema, req.body).ids);
  });

  app.post('/api/v1/sessions/:id/next', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return publishNext(ctx, me, id, parseRequest(nextSchema, req.body).expected_id ?? null);
  });

  app.patch('/api/v1/questions/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return updateQuestion(ctx, me, id, parseRequest(patchSchema, req.body));
  });

  app.delete('/api/v1/questions/:id', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    await deleteQuestion(ctx, me, id);
    return {};
  });

  app.post('/api/v1/questions/:id/publish', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return publishQuestion(ctx, id, { actorId: me });
  });

  app.post('/api/v1/questions/:id/skip', async (req) => {
    const me = requireUser(req, 'write:statuses');
    const { id } = parseRequest(idParam, req.params);
    return skipQuestion(ctx, me, id);
  });
};
