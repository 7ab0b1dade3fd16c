import { useUnread } from '../features/notifications/unread-context';
import { paths, type Route } from './routes';
import { useSession } from './session-context';

// 24×24 outline icons, drawn with the text colour.
const ICONS = {
  chats: 'M10 3 8 21M16 3l-2 18M4 8h17M3 16h17',
  home: 'M3 11 12 3l9 8v10h-6v-6H9v6H3z',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 21 21',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  me: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21a8 8 0 0 1 16 0',
  compose: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
};

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="tab-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        d={ICONS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

interface Tab {
  label: string;
  href: string;
  icon: keyof typeof ICONS;
  current: boolean;
  badge?: number;
}

/**
 * The phone's bottom tab bar (Chats, Home, Search, Notifications, Me), as Phanpy, Elk and X
 * have; wide screens keep these links in the header instead (CSS shows one or the other).
 */
export function TabBar({ route, current }: { route: Route; current: string }) {
  const { account, state } = useSession();
  const unread = useUnread();
  if (state.status === 'loading') return null;
  const tabs: Tab[] = [
    { label: 'Chats', href: paths.chats(), icon: 'chats', current: route.name === 'chats' },
    account
      ? { label: 'Home', href: '/home', icon: 'home', current: route.name === 'home' }
      : { label: 'Home', href: '/', icon: 'home', current: route.name === 'landing' },
    { label: 'Search', href: '/search', icon: 'search', current: route.name === 'search' },
    ...(account
      ? [
          {
            label: 'Notifications',
            href: '/notifications',
            icon: 'bell' as const,
            current: route.name === 'notifications',
            badge: unread,
          },
          {
            label: 'Me',
            href: paths.profile(account.acct),
            icon: 'me' as const,
            current: current === paths.profile(account.acct),
          },
        ]
      : [
          {
            label: 'Sign in',
            href: paths.signIn(current === '/' ? undefined : current),
            icon: 'me' as const,
            current: route.name === 'sign-in',
          },
        ]),
  ];
  return (
    <nav className="tab-bar" aria-label="Tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.label}>
            <a href={tab.href} aria-current={tab.current ? 'page' : undefined}>
              <Icon name={tab.icon} />
              <span className="tab-label">{tab.label}</span>
              {tab.badge ? (
                <span className="badge tab-badge">
                  <span aria-hidden="true">{tab.badge}</span>
                  <span className="sr-only">({tab.badge} unread)</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The phone's floating compose button on pages with a composer: it brings the composer into
 * view and puts the cursor in it (the room's composer answers the current question from there).
 */
export function ComposeButton({ route }: { route: Route }) {
  const { account } = useSession();
  if (!account || !['home', 'room', 'chat'].includes(route.name)) return null;
  function compose() {
    const box = document.querySelector<HTMLTextAreaElement>('main .composer textarea');
    if (!box) return;
    box.scrollIntoView({ block: 'center' });
    box.focus();
  }
  return (
    <button type="button" className="compose-fab" onClick={compose}>
      <Icon name="compose" />
      <span className="sr-only">Write a post</span>
    </button>
  );
}
