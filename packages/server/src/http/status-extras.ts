import { pollParams } from '@hashchat/api/requests/statuses';
import { parseRequest } from '@hashchat/api/requests/validation';
import { z } from 'zod';
import type { NewPoll } from '../services/polls';

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
