import { z } from 'zod';
import { formBool, idParam, pageParams, userText } from './fields';

// What the live room's routes take: agenda items, the room's page and the spotlight.

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
const blankAsNull = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v: z.input<S> | '') => (v === '' ? null : v), schema);

export const questionCreateBody = z
  .object({
    text,
    offset_minutes: blankAsNull(offset).optional(),
    kind: kind.optional(),
    image_url: blankAsNull(imageUrl).optional(),
    image_alt: blankAsNull(imageAlt).optional(),
    media_id: blankAsNull(mediaId).optional(),
  })
  .transform((b) => ({
    text: b.text,
    mediaId: b.media_id ?? null,
    offsetMinutes: b.offset_minutes ?? null,
    kind: b.kind ?? ('question' as const),
    imageUrl: b.image_url ?? null,
    imageAlt: b.image_alt ?? null,
  }));

export const questionPatchBody = z
  .object({
    text: text.optional(),
    offset_minutes: blankAsNull(offset).optional(),
    kind: kind.optional(),
    image_url: blankAsNull(imageUrl).optional(),
    image_alt: blankAsNull(imageAlt).optional(),
    media_id: blankAsNull(mediaId).optional(),
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
export const agendaReorderBody = z.object({ ids: z.array(idString).max(500) });
export const agendaNextBody = z.object({ expected_id: idString.optional() });

export const roomQuery = pageParams.extend({
  /** 'hosts': the hosts and guests; 'curated': the statuses of the session's curated stream. */
  only: z.enum(['hosts', 'all', 'curated']).optional(),
  question: z.coerce.number().int().min(0).max(999).optional(),
  console: formBool.optional(),
});

export const spotlightBody = z.object({
  status_id: z
    .union([z.string().regex(/^\d{1,18}$/, 'is not a status id'), z.number().int().positive()])
    .transform(Number),
});

/** `/sessions/{id}/spotlight/{status_id}`: a status id that is not a number names nothing (404). */
export const spotlightStatusParams = idParam.extend({
  status_id: z
    .string()
    .refine((v) => /^\d{1,18}$/.test(v), { message: 'Record not found', params: { code: 'NotFound' } })
    .transform(Number),
});

export type QuestionCreateBody = z.input<typeof questionCreateBody>;
export type QuestionPatchBody = z.input<typeof questionPatchBody>;
