import { z } from 'zod';

// Request parameters the OpenAPI document describes but the server does not parse with yet (the
// streams read their query by hand, the transcript with its own schema). Every other request
// schema is in requests/*, where one schema both validates and documents.

export const hashtagStreamQuery = z.object({ tag: z.string() });

export const chatStreamQuery = z.object({
  chat_id: z.string().optional(),
  session_id: z.string().optional(),
});

export const transcriptQuery = z.object({
  order: z.enum(['asc', 'desc']).optional(),
  max_id: z.string().optional(),
  min_id: z.string().optional(),
  limit: z.number().int().optional(),
  question_number: z.number().int().optional(),
  kind: z.enum(['question', 'answer', 'comment']).optional(),
});
