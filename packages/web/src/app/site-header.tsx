import { type FormEvent, useEffect, useState } from 'react';
import { useUnread } from '../features/notifications/unread-context';
import { navigate } from './history';
import { isAdmin } from './is-admin';
import { paths, type Route } from './routes';
import { useSession } from './session-context';

function SearchBox({ route }: { route: Route }) {
  const routeQ = route.name === 'search' ? route.q : '';
  const [q, setQ] = useState(routeQ);
  useEffect(() => setQ(routeQ), [routeQ]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim()) navigate(paths.search(q.trim()));
  }

  return (
    <search className="site-search">
      <form onSubmit={submit}>
        <label htmlFor="site-search-q" className="sr-only">
          Search
        </label>
        <input
          id="site-search-q"
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
            <li>
              <a href={paths.chats()} aria-current={route.name === 'chats' ? 'page' : undefined}>
                Chats
              </a>
            </li>
            {account && (
              <>
                <li>
                  <a href="/home" aria-current={here('/home')}>
                    Home
                  </a>
                </li>
                <li>
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
                <li>
                  <a href={paths.profile(account.acct)} aria-current={here(paths.profile(account.acct))}>
                    @{account.username}
                  </a>
                </li>
                <li>
                  <a href={paths.settings} aria-current={here(paths.settings)}>
                    Settings
                  </a>
                </li>
                {isAdmin(account) && (
                  <li>
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
                  <a href={paths.signUp(current === '/' ? undefined : current)} className="nav-cta">
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
