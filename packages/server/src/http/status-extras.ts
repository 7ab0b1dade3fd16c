import { formBool, userText } from '@hashchat/api/requests/fields';
import { parseRequest } from '@hashchat/api/requests/validation';
import { POLL_LIMITS } from '@hashchat/core/status/poll-rules';
import { z } from 'zod';
import type { NewPoll } from '../services/polls';

const L = POLL_LIMITS;

const pollParams = z.object({
  options: z
    .array(userText().trim().min(1, "can't be blank").max(L.max_characters_per_option))
    .min(2, `must have at least 2 options`)
    .max(L.max_options, `must have at most ${L.max_options} options`),
  expires_in: z.coerce
    .number()
    .int()
    .min(L.min_expiration, 'The poll must last at least 5 minutes')
    .max(L.max_expiration, 'The poll must end within 7 days'),
  multiple: formBool.default(false),
  hide_totals: formBool.default(false),
});

/**
 * The poll of POST /api/v1/statuses, as JSON (`poll: {options: […], …}`) or form fields
 * (`poll[options][]=…&poll[expires_in]=…`); null when none is asked for (absent, null or empty).
 */
export function pollFromBody(body: unknown): NewPoll | null {
  const b = (body ?? {}) as Record<string, unknown>;
  let raw: unknown = b.poll;
  if (raw === undefined || raw === null || raw === '') {
    const flat = Object.fromEntries(
      ['options', 'expires_in', 'multiple', 'hide_totals']
        .filter((k) => b[`poll[${k}]`] !== undefined)
        .map((k) => [k, b[`poll[${k}]`]]),
    );
    raw = Object.keys(flat).length > 0 ? flat : null;
  }
  if (raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0)) return null;
  const p = parseRequest(z.object({ poll: pollParams }), { poll: raw }).poll;
  return { options: p.options, expiresIn: p.expires_in, multiple: p.multiple, hideTotals: p.hide_totals };
}

/** `scheduled_at` as an epoch-millisecond time; null when absent or empty (post now). */
export const scheduledAtParam = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, c) => {
    if (v === undefined || v === null || v === '') return null;
    const t = Date.parse(v);
    if (Number.isNaN(t)) {
      c.addIssue({ code: 'custom', message: 'is not a valid time' });
      return z.NEVER;
    }
    return t;
  });
