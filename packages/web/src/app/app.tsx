import { UnreadProvider } from '../features/notifications/unread-context';
import { useLocation } from './history';
import { Page } from './page';
import { matchRoute } from './routes';
import { SessionProvider, useSession } from './session-context';
import { SiteHeader } from './site-header';
import { ComposeButton, TabBar } from './tab-bar';
import { useLinkInterception } from './use-link-interception';
import { useNavigationFocus } from './use-navigation-focus';

function Shell() {
  const location = useLocation();
  const route = matchRoute(location.pathname, location.search);
  const { account } = useSession();
  useLinkInterception();
  useNavigationFocus(location.key);

  return (
    <UnreadProvider accountId={account?.id ?? null} reading={route.name === 'notifications'}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader route={route} current={location.pathname + location.search} />
      <main id="main" className="main">
        <Page route={route} />
      </main>
      <ComposeButton route={route} />
      <TabBar route={route} current={location.pathname + location.search} />
    </UnreadProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
