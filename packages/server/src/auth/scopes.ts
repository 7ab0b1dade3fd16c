/** Mastodon's OAuth scopes: top-level ones grant every sub-scope below them. */
export const TOP_SCOPES = ['read', 'write', 'follow', 'push', 'profile'] as const;

const SUB_SCOPES = new Set([
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
  // Admin scopes (Mastodon's); top-level read and write do not grant them.
  'admin:read',
  'admin:write',
  'admin:read:domain_allows',
  'admin:read:domain_blocks',
  'admin:write:domain_allows',
  'admin:write:domain_blocks',
]);

/** Every scope a token may be granted, as the OAuth server metadata lists them. */
export const SUPPORTED_SCOPES: readonly string[] = [...TOP_SCOPES, ...SUB_SCOPES];

// The legacy `follow` scope covers these, as in Mastodon.
const FOLLOW_COVERS = new Set([
  'read:blocks',
  'write:blocks',
  'read:follows',
  'write:follows',
  'read:mutes',
  'write:mutes',
]);

/** Parses a space- or plus-separated scope string; returns null when any scope is unknown. */
export function parseScopes(raw: string | undefined | null, fallback = 'read'): string[] | null {
  const list = (raw ?? '').split(/[\s+]+/).filter(Boolean);
  const scopes = list.length > 0 ? list : fallback.split(' ');
  for (const s of scopes)
    if (!(TOP_SCOPES as readonly string[]).includes(s) && !SUB_SCOPES.has(s)) return null;
  return [...new Set(scopes)];
}

/** True when the granted scopes allow `required` (e.g. 'read:statuses', 'admin:read:domain_blocks'). */
export function hasScope(granted: readonly string[], required: string): boolean {
  // Asked on every request with the cached token's own array: remembered per array.
  let known = answers.get(granted);
  if (!known) {
    known = new Map();
    answers.set(granted, known);
  }
  let yes = known.get(required);
  if (yes === undefined) {
    yes = grants(granted, required);
    known.set(required, yes);
  }
  return yes;
}

const answers = new WeakMap<readonly string[], Map<string, boolean>>();

function grants(granted: readonly string[], required: string): boolean {
  // A scope grants those below it: read → read:statuses, admin:read → admin:read:domain_blocks.
  const parts = required.split(':');
  for (let n = parts.length; n > 0; n--) if (granted.includes(parts.slice(0, n).join(':'))) return true;
  return granted.includes('follow') && FOLLOW_COVERS.has(required);
}

/** True when every requested scope is within what the app registered. */
export function scopesWithin(requested: readonly string[], allowed: readonly string[]): boolean {
  return requested.every((s) => hasScope(allowed, s));
}
