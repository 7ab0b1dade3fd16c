import { validationFailed } from '@hashchat/api/requests/validation';

/**
 * Folds `key[]` into `key` (always an array) and `key[n]` likewise, so one schema reads every body
 * type. In a query string or form a plain key given twice (`limit=2&limit=2`: `toot` appends its
 * own to the `Link` URL) keeps its last value, as Rails does; JSON arrays stay arrays, and so do
 * the fields of a form's list of objects (`keywords_attributes[][keyword]=a&…[][keyword]=b`).
 */
export function normalizeParams(input: unknown, lastOfRepeated = true): unknown {
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const m = /^(.+?)\[(\d*)\]$/.exec(k);
    if (m) {
      const list = (out[m[1]] as unknown[] | undefined) ?? [];
      out[m[1]] = list.concat(Array.isArray(v) ? v : [v]);
    } else out[k] = lastOfRepeated && Array.isArray(v) && !k.includes('[]') ? v.at(-1) : v;
  }
  return out;
}

/** Credentials that must stay where the client put them: never copied from the URL into the body. */
const URL_ONLY = new Set(['access_token', 'authenticity_token']);

/**
 * The parameters of a POST/PUT/PATCH/DELETE: those of its query string and its body, the body
 * winning on a conflict, as Rails merges them (`mastodon-api` sends `POST /statuses?status=…`).
 */
export function withQueryParams(query: unknown, body: unknown): unknown {
  if (!isPlainObject(query) || (body !== undefined && body !== null && !isPlainObject(body))) return body;
  const fromQuery = Object.entries(query).filter(([k]) => !URL_ONLY.has(k));
  if (fromQuery.length === 0) return body;
  return { ...Object.fromEntries(fromQuery), ...(body ?? {}) };
}

/**
 * Refuses Mastodon parameters this server would otherwise drop (a scheduled post published at
 * once, a poll as plain text): a 422 naming the parameter, never a silent success. Empty values
 * (`poll: null`, `media_ids: []`) say "none" and pass; so does any parameter not named. `dropped`
 * says which values would lose their meaning (for a flag, only `true`).
 */
export function refuseUnsupported(
  input: unknown,
  names: readonly string[],
  dropped: (value: unknown) => boolean = meaningful,
): void {
  if (!isPlainObject(input)) return;
  for (const name of names) {
    const given = Object.entries(input).some(
      ([k, v]) => (k === name || k.startsWith(`${name}[`)) && dropped(v),
    );
    if (given) throw validationFailed(`${name} is not supported by this server`);
  }
}

function meaningful(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(meaningful);
  if (isPlainObject(v)) return Object.values(v).some(meaningful);
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);
}
