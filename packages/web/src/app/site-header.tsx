import { type FormEvent, useEffect, useState } from 'react';
import { useUnread } from '../features/notifications/unread-context';
import { navigate } from './history';
import { isAdmin } from './is-admin';
import { paths, type Route } from './routes';
import { useSession } from './session-context';

/** The search form: in the header on wide screens, at the top of the search page on a phone. */
export function SearchBox({
  route,
  id = 'site-search-q',
  className = 'site-search',
}: {
  route: Route;
  id?: string;
  className?: string;
}) {
  const routeQ = route.name === 'search' ? route.q : '';
  const [q, setQ] = useState(routeQ);
  useEffect(() => setQ(routeQ), [routeQ]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim()) navigate(paths.search(q.trim()));
  }

  return (
    <search className={className}>
      <form onSubmit={submit}>
        <label htmlFor={id} className="sr-only">
          Search
        </label>
        <input
          id={id}
          type="search"
          value={q}
          placeholder="Search chats, hashtags, people, posts"
          onChange={(event) => setQ(event.target.value)}
        />
      </form>
    </search>
  );
}

export function SiteHeader({ route, current }: { route: Route; current: string }) {
  const { state, account, signOut } = useSession();
  const unread = useUnread();
  const here = (path: string) => (current === path ? 'page' : undefined);

  async function onSignOut() {
    try {
      await signOut();
    } finally {
      navigate('/');
    }
  }

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="brand" aria-current={here('/')}>
          <span className="brand-mark" aria-hidden="true">
            #
          </span>
          Hashchat
        </a>
        <SearchBox route={route} />
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li className="tab-dup">
              <a href={paths.chats()} aria-current={route.name === 'chats' ? 'page' : undefined}>
                Chats
              </a>
            </li>
            {account && (
              <>
                <li className="tab-dup">
                  <a href="/home" aria-current={here('/home')}>
                    Home
                  </a>
                </li>
                {/* On a phone, lists are one tap further: Settings → Lists. */}
                <li className="tab-dup">
                  <a href={paths.lists} aria-current={route.name === 'list' ? 'page' : here(paths.lists)}>
                    Lists
                  </a>
                </li>
                <li className="tab-dup">
                  <a href="/notifications" aria-current={here('/notifications')}>
                    Notifications
                    {unread > 0 && (
                      <span className="badge">
                        <span aria-hidden="true">{unread}</span>
                        <span className="sr-only">({unread} unread)</span>
                      </span>
                    )}
                  </a>
                </li>
                <li className="tab-dup">
                  <a href={paths.profile(account.acct)} aria-current={here(paths.profile(account.acct))}>
                    @{account.username}
                  </a>
                </li>
                <li>
                  <a href={paths.settings} aria-current={here(paths.settings)}>
                    Settings
                  </a>
                </li>
                {/* On a phone, Federation is one tap further (Settings → Server), so the header keeps one row. */}
                {isAdmin(account) && (
                  <li className="wide-only">
                    <a href={paths.adminFederation} aria-current={here(paths.adminFederation)}>
                      Federation
                    </a>
                  </li>
                )}
                <li>
                  <button type="button" className="link-button" onClick={onSignOut}>
                    Sign out
                  </button>
                </li>
              </>
            )}
            {state.status === 'anonymous' && (
              <>
                <li>
                  <a href={paths.signIn(current === '/' ? undefined : current)}>Sign in</a>
                </li>
                <li>
                  <a
                    href={paths.signUp(current === '/' ? undefined : current)}
                    className="nav-cta"
                    aria-current={route.name === 'sign-up' ? 'page' : undefined}
                  >
                    Sign up
                  </a>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
