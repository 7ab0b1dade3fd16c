import { escapeHtml as esc } from '@hashchat/core/text/render';

/** Who reads the page, for the header's links; null when signed out. */
export interface HeaderViewer {
  username: string;
  acct: string;
}

// The web app's tab bar icons (packages/web/src/app/tab-bar.tsx), drawn the same way.
const ICONS = {
  chats: 'M10 3 8 21M16 3l-2 18M4 8h17M3 16h17',
  home: 'M3 11 12 3l9 8v10h-6v-6H9v6H3z',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 21 21',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  me: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
};

const icon = (name: keyof typeof ICONS) =>
  `<svg class="tab-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${ICONS[name]}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/></svg>`;

/**
 * The web app's header and phone tab bar (site-header.tsx, tab-bar.tsx) as static markup, for
 * a page the server renders: the same classes, so the app's stylesheet draws them the same.
 * The search form works without script (a GET to the app's search page).
 */
export function renderSiteHeader(viewer: HeaderViewer | null, here: string): string {
  const next = encodeURIComponent(here);
  const links = viewer
    ? [
        `<li class="tab-dup"><a href="/chats">Chats</a></li>`,
        `<li class="tab-dup"><a href="/home">Home</a></li>`,
        `<li class="tab-dup"><a href="/notifications">Notifications</a></li>`,
        `<li class="tab-dup"><a href="/@${esc(viewer.acct)}">@${esc(viewer.username)}</a></li>`,
        `<li><a href="/settings">Settings</a></li>`,
      ]
    : [
        `<li class="tab-dup"><a href="/chats">Chats</a></li>`,
        `<li><a href="/auth/sign-in?next=${next}">Sign in</a></li>`,
        `<li><a href="/auth/sign-up?next=${next}" class="nav-cta">Sign up</a></li>`,
      ];
  return (
    '<header class="site-header"><div class="site-header-inner">' +
    '<a href="/" class="brand"><span class="brand-mark" aria-hidden="true">#</span>Hashchat</a>' +
    '<search class="site-search"><form action="/search" method="get"><label for="site-search-q" class="sr-only">Search</label>' +
    '<input id="site-search-q" type="search" name="q" placeholder="Search chats, hashtags, people, posts"></form></search>' +
    `<nav aria-label="Main" class="site-nav"><ul>${links.join('')}</ul></nav>` +
    '</div></header>'
  );
}

/** The phone's bottom tab bar, after the page's content as in the app. */
export function renderTabBar(viewer: HeaderViewer | null, here: string): string {
  const next = encodeURIComponent(here);
  const tabs: [string, string, keyof typeof ICONS][] = viewer
    ? [
        ['Chats', '/chats', 'chats'],
        ['Home', '/home', 'home'],
        ['Search', '/search', 'search'],
        ['Notifications', '/notifications', 'bell'],
        ['Me', `/@${viewer.acct}`, 'me'],
      ]
    : [
        ['Chats', '/chats', 'chats'],
        ['Home', '/', 'home'],
        ['Search', '/search', 'search'],
        ['Sign in', `/auth/sign-in?next=${next}`, 'me'],
      ];
  return `<nav class="tab-bar" aria-label="Tabs"><ul>${tabs
    .map(
      ([label, href, name]) =>
        `<li><a href="${esc(href)}">${icon(name)}<span class="tab-label">${esc(label)}</span></a></li>`,
    )
    .join('')}</ul></nav>`;
}
