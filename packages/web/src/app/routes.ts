/** Every page of the app, as parsed from a location. */
export type Route =
  | { name: 'landing' }
  | { name: 'home' }
  | { name: 'notifications' }
  | { name: 'search'; q: string }
  | { name: 'room'; tag: string }
  | { name: 'profile'; acct: string }
  | { name: 'status'; acct: string; id: string }
  | { name: 'chats'; filters: DirectoryFilters }
  | { name: 'chat-new' }
  | { name: 'chat'; id: string; sessionId: string | null }
  | { name: 'chat-edit'; id: string }
  | { name: 'console'; sessionId: string }
  | { name: 'moderation'; sessionId: string }
  | { name: 'recap'; sessionId: string }
  | { name: 'chat-stats'; id: string }
  | { name: 'lists' }
  | { name: 'list'; id: string }
  | { name: 'settings' }
  | { name: 'settings-lists' }
  | { name: 'settings-filters' }
  | { name: 'admin-federation' }
  | { name: 'sign-in'; next: string | null }
  | { name: 'sign-up'; next: string | null }
  | { name: 'not-found' };

/** The directory's filters, as they appear in its address. */
export interface DirectoryFilters {
  q: string;
  category: string;
  language: string;
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Only same-site paths may be a `next` target, so sign-in cannot redirect elsewhere. */
export function safeNext(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

export function matchRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case '/':
      return { name: 'landing' };
    case '/home':
      return { name: 'home' };
    case '/notifications':
      return { name: 'notifications' };
    case '/search':
      return { name: 'search', q: params.get('q') ?? '' };
    case '/chats':
      return {
        name: 'chats',
        filters: {
          q: params.get('q') ?? '',
          category: params.get('category') ?? '',
          language: params.get('language') ?? '',
        },
      };
    case '/chats/new':
      return { name: 'chat-new' };
    case '/lists':
      return { name: 'lists' };
    case '/settings':
      return { name: 'settings' };
    case '/settings/lists':
      return { name: 'settings-lists' };
    case '/settings/filters':
      return { name: 'settings-filters' };
    case '/admin/federation':
      return { name: 'admin-federation' };
    case '/auth/sign-in':
      return { name: 'sign-in', next: safeNext(params.get('next')) };
    case '/auth/sign-up':
      return { name: 'sign-up', next: safeNext(params.get('next')) };
  }
  const room = /^\/tags\/([^/]+)$/.exec(path);
  if (room) {
    const tag = decode(room[1]);
    if (tag) return { name: 'room', tag: tag.replace(/^[#＃]/, '') };
  }
  const chat = /^\/chats\/(\d+)(?:\/(edit)|\/sessions\/(\d+))?$/.exec(path);
  if (chat) {
    if (chat[2]) return { name: 'chat-edit', id: chat[1] };
    return { name: 'chat', id: chat[1], sessionId: chat[3] ?? null };
  }
  const listMatch = /^\/lists\/(\d+)$/.exec(path);
  if (listMatch) return { name: 'list', id: listMatch[1] };
  const consoleMatch = /^\/sessions\/(\d+)\/console$/.exec(path);
  if (consoleMatch) return { name: 'console', sessionId: consoleMatch[1] };
  const moderationMatch = /^\/sessions\/(\d+)\/moderation$/.exec(path);
  if (moderationMatch) return { name: 'moderation', sessionId: moderationMatch[1] };
  const recapMatch = /^\/sessions\/(\d+)\/recap$/.exec(path);
  if (recapMatch) return { name: 'recap', sessionId: recapMatch[1] };
  const statsMatch = /^\/chats\/(\d+)\/stats$/.exec(path);
  if (statsMatch) return { name: 'chat-stats', id: statsMatch[1] };
  const profile = /^\/@([^/]+)(?:\/(\d+))?$/.exec(path);
  if (profile) {
    const acct = decode(profile[1]);
    if (acct) return profile[2] ? { name: 'status', acct, id: profile[2] } : { name: 'profile', acct };
  }
  return { name: 'not-found' };
}

export const paths = {
  room: (tag: string) => `/tags/${encodeURIComponent(tag)}`,
  profile: (acct: string) => `/@${acct}`,
  /** A status in its thread (where the server's status `url`s point). */
  status: (acct: string, id: string) => `/@${acct}/${encodeURIComponent(id)}`,
  chats: (filters: Partial<DirectoryFilters> = {}) => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
    const search = query.toString();
    return search ? `/chats?${search}` : '/chats';
  },
  newChat: '/chats/new',
  chat: (id: string) => `/chats/${encodeURIComponent(id)}`,
  editChat: (id: string) => `/chats/${encodeURIComponent(id)}/edit`,
  /** The host console of a session. */
  console: (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/console`,
  /** The moderation queue, town-hall curation, rules and log of a session's chat. */
  moderation: (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/moderation`,
  /** A session's recap: figures and charts. */
  recap: (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/recap`,
  /** A session's permanent transcript, rendered by the server (a full page load, not an app route). */
  transcript: (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`,
  /** Every session of a chat side by side. */
  chatStats: (id: string) => `/chats/${encodeURIComponent(id)}/stats`,
  /** The viewer's lists, each a link to its timeline. */
  lists: '/lists',
  /** A list's timeline. */
  list: (id: string) => `/lists/${encodeURIComponent(id)}`,
  settings: '/settings',
  settingsLists: '/settings/lists',
  settingsFilters: '/settings/filters',
  /** Admins: blocked and allowed servers, delivery health. */
  adminFederation: '/admin/federation',
  search: (q: string) => `/search?q=${encodeURIComponent(q)}`,
  signIn: (next?: string) => (next ? `/auth/sign-in?next=${encodeURIComponent(next)}` : '/auth/sign-in'),
  signUp: (next?: string) => (next ? `/auth/sign-up?next=${encodeURIComponent(next)}` : '/auth/sign-up'),
};
