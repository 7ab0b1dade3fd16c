import { z } from 'zod';

// Request parameters the OpenAPI document describes but the server does not parse with yet (the
// streams read their query by hand, the transcript with its own schema). Every other request
// schema is in requests/*, where one schema both validates and documents.

export const hashtagStreamQuery = z.object({ tag: z.string() });

export const filterKeywordBody = z.object({
  /** 1 to 200 characters. */
  keyword: z.string(),
  whole_word: z.boolean().optional(),
});

export const filterBody = z.object({
  title: z.string(),
  context: z.array(z.enum(['home', 'notifications', 'public', 'thread', 'account'])),
  filter_action: z.enum(['warn', 'hide']).optional(),
  /** Seconds; empty for never. */
  expires_in: z.number().int().nullable().optional(),
  /** Up to 100; on update, `id` changes one and `_destroy` removes it. */
  keywords_attributes: z
    .array(
      filterKeywordBody.partial().extend({ id: z.string().optional(), _destroy: z.boolean().optional() }),
    )
    .optional(),
});

export const listStreamQuery = z.object({ list: z.string() });

export const listBody = z.object({
  /** 1 to 200 characters. */
  title: z.string(),
  replies_policy: z.enum(['followed', 'list', 'none']).optional(),
  exclusive: z.boolean().optional(),
});

/** Up to 100 accounts the caller follows. */
export const listAccountsBody = z.object({ account_ids: z.array(z.string()) });
