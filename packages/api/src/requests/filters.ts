import { z } from 'zod';
import { filterContextSchema } from '../entities/filter';
import { formBool, idParam, stringList, userText } from './fields';

// What Mastodon's filter routes take. A filter's `keywords_attributes` come as JSON (an array or
// an object by index) or as form fields; the server gathers them and parses each with
// `keywordAttribute`, and `withKeywordAttributes` shows them in the document.

/** The most keywords one create or update may name. */
export const MAX_KEYWORD_ATTRIBUTES = 100;

const MAX_TEXT = 200;
/** Required text (a title, a keyword): not blank, at most 200 characters. */
const text = (trim: boolean) =>
  z
    .unknown()
    .transform((v, c) => {
      const schema = trim ? userText().trim() : userText();
      const r = schema
        .min(1)
        .max(MAX_TEXT)
        .safeParse(v ?? '');
      if (r.success && r.data.trim() !== '') return r.data;
      c.addIssue({
        code: 'custom',
        message:
          r.success || r.error.issues[0].code !== 'too_big'
            ? "can't be blank"
            : `is too long (at most ${MAX_TEXT} characters)`,
      });
      return z.NEVER;
    })
    .meta({ type: 'string', description: `1 to ${MAX_TEXT} characters.` });
const contexts = stringList.transform((list, c) => {
  const valid = list.filter((x) => filterContextSchema.safeParse(x).success);
  if (list.length === 0) c.addIssue({ code: 'custom', message: "can't be blank" });
  else if (valid.length !== list.length)
    c.addIssue({ code: 'custom', message: 'None or invalid context supplied' });
  return [...new Set(valid)] as z.infer<typeof filterContextSchema>[];
});
// `blur` (Mastodon 4.4): the status shows, its media behind a cover until the reader asks.
const action = z.enum(['warn', 'hide', 'blur'], { error: 'must be warn, hide or blur' });
// Seconds until the filter stops applying; empty means never (forms send "" for never).
const expiresIn = z
  .union([
    z.literal(''),
    z.null(),
    z.coerce
      .number()
      .int()
      .min(1)
      .max(10 * 365 * 86400),
  ])
  .transform((v) => (v === '' ? null : v));
/** One of `keywords_attributes`: on update, `id` changes one and `_destroy` removes it. */
export const keywordAttribute = z.object({
  id: z.coerce.number().int().positive().optional(),
  keyword: z.unknown().optional(),
  whole_word: formBool.optional(),
  _destroy: formBool.optional(),
});
export const keywordText = z.object({ keyword: text(false) });

const filterBase = {
  filter_action: action.optional(),
  expires_in: expiresIn.optional(),
};
export const filterCreateBody = z.object({ title: text(true), context: contexts, ...filterBase });
export const filterUpdateBody = z.object({
  title: text(true).optional(),
  context: contexts.optional(),
  ...filterBase,
});
export const filterKeywordBody = z.object({ keyword: text(false), whole_word: formBool.default(false) });
export const filterKeywordUpdateBody = z.object({
  keyword: text(false).optional(),
  whole_word: formBool.optional(),
});
export const filterStatusBody = z.object({ status_id: idParam.shape.id });
export const filterIdParams = z.object({ filter_id: idParam.shape.id });

export const withKeywordAttributes = <S extends z.ZodObject>(body: S) =>
  body.extend({
    keywords_attributes: z
      .array(keywordAttribute.extend({ keyword: z.string().optional() }))
      .max(MAX_KEYWORD_ATTRIBUTES)
      .optional(),
  });
