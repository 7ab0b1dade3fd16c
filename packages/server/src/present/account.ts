import type { AccountRow, AccountViewRow } from '../store/accounts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const isoDate = (ms: number) => new Date(ms).toISOString();

/** Mastodon's Account entity. */
export function serializeAccount(a: AccountViewRow, baseUrl: string) {
  // A remote account is `user@domain` and links to its profile on its own server.
  const remote = a.domain ? a : null;
  const url = remote ? (remote.url ?? remote.uri ?? '') : `${baseUrl}/@${a.username}`;
  const avatar = `${baseUrl}/avatars/${a.id}.svg`;
  return {
    id: String(a.id),
    username: a.username,
    acct: remote ? `${a.username}@${remote.domain}` : a.username,
    display_name: a.display_name,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: isoDate(Number(a.created_at)),
    // A remote note arrives as sanitized HTML; a local one is plain text.
    note: remote ? a.note : a.note ? `<p>${escapeHtml(a.note).replace(/\r\n|\r|\n/g, '<br>')}</p>` : '',
    url,
    uri: remote?.uri ?? `${baseUrl}/users/${a.username.toLowerCase()}`,
    avatar,
    avatar_static: avatar,
    header: `${baseUrl}/headers/missing.png`,
    header_static: `${baseUrl}/headers/missing.png`,
    followers_count: Number(a.followers_count),
    following_count: Number(a.following_count),
    statuses_count: Number(a.statuses_count),
    last_status_at: a.last_status_at ? isoDate(Number(a.last_status_at)).slice(0, 10) : null,
    emojis: [],
    fields: [],
    roles: a.role === 'user' ? [] : [{ id: a.role === 'admin' ? '3' : '2', name: a.role, color: '' }],
  };
}

export type AccountEntity = ReturnType<typeof serializeAccount>;

/**
 * Serializes each account once however many times it is asked for: a page of statuses or a
 * transcript is a few authors many times, and their statuses share the one entity.
 */
export function accountEntities(baseUrl: string): (row: AccountViewRow) => AccountEntity {
  const done = new Map<number, AccountEntity>();
  return (row) => {
    let e = done.get(Number(row.id));
    if (!e) {
      e = serializeAccount(row, baseUrl);
      done.set(Number(row.id), e);
    }
    return e;
  };
}

/** The viewer's own account, with `source` like verify_credentials returns. */
export function serializeCredentialAccount(a: AccountRow, baseUrl: string) {
  return {
    ...serializeAccount(a, baseUrl),
    source: {
      note: a.note,
      fields: [],
      privacy: 'public',
      sensitive: false,
      language: a.locale,
      follow_requests_count: 0,
    },
    role: {
      id: a.role === 'admin' ? '3' : a.role === 'moderator' ? '2' : '-99',
      name: a.role === 'user' ? '' : a.role,
      permissions: '0',
      color: '',
      highlighted: false,
    },
  };
}
