import { z } from 'zod';
import { formBool, idList, idParam, pageParams, userText } from './fields';

// What Mastodon's list routes take.

const MAX_TITLE = 200;
const title = userText()
  .trim()
  .min(1, "can't be blank")
  .max(MAX_TITLE, `is too long (at most ${MAX_TITLE} characters)`);
const repliesPolicy = z.enum(['followed', 'list', 'none'], {
  error: 'must be one of followed, list or none',
});
export const listCreateBody = z.object({
  title: z
    .unknown()
    .transform((v, c) => {
      const r = title.safeParse(v ?? '');
      if (r.success) return r.data;
      c.addIssue({ code: 'custom', message: r.error.issues[0].message });
      return z.NEVER;
    })
    .meta({ type: 'string' }),
  replies_policy: repliesPolicy.optional(),
  exclusive: formBool.optional(),
});
export const listUpdateBody = listCreateBody.partial();
/** Up to 100 accounts the caller follows. */
export const listAccountsBody = z.object({
  account_ids: idList.refine((ids) => ids.length <= 100, 'may name at most 100 accounts'),
});
// limit=0 asks for every member (Mastodon); otherwise 40 at most.
export const listMembersQuery = pageParams.extend({
  limit: z.coerce
    .number()
    .int()
    .min(0)
    .default(40)
    .transform((n) => (n === 0 ? 500 : Math.min(n, 40))),
});
export const listIdParams = z.object({ list_id: idParam.shape.id });

/**
 * A list's stream: `list` is its id. The streaming route answers Mastodon's own errors for a
 * missing or unknown list, so the schema only keeps the value when it is a string.
 */
export const listStreamQuery = z.object({
  list: z
    .unknown()
    .transform((v) => (typeof v === 'string' ? v : undefined))
    .optional()
    .meta({ type: 'string', description: "The list's id; without it the answer is 404." }),
});
