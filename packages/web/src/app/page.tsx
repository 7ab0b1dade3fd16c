import { lazy, Suspense } from 'react';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { ChatPageView } from '../features/chats/chat-page';
import { DirectoryPage } from '../features/chats/directory-page';
import { EditChatPage } from '../features/chats/edit-chat-page';
import { NewChatPage } from '../features/chats/new-chat-page';
import { HomePage } from '../features/home/home-page';
import { LandingPage } from '../features/landing/landing-page';
import { ListTimelinePage } from '../features/lists/list-timeline-page';
import { ListsIndexPage } from '../features/lists/lists-index-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { ProfilePage } from '../features/profile/profile-page';
import { RoomPage } from '../features/room/room-page';
import { SearchPage } from '../features/search/search-page';
import { FiltersPage } from '../features/settings/filters-page';
import { ListsPage } from '../features/settings/lists-page';
import { SettingsPage } from '../features/settings/settings-page';
import { StatusPage } from '../features/thread/status-page';
import type { Route } from './routes';
import { useTitle } from './use-title';

// Only hosts open the console: it loads on demand, outside the first download.
const ConsolePage = lazy(() =>
  import('../features/console/console-page').then((module) => ({ default: module.ConsolePage })),
);
// Recaps and chat stats (charts) are read after a chat: they load on demand too.
const RecapPage = lazy(() =>
  import('../features/recap/recap-page').then((module) => ({ default: module.RecapPage })),
);
const ChatStatsPage = lazy(() =>
  import('../features/chat-stats/chat-stats-page').then((module) => ({ default: module.ChatStatsPage })),
);
// Only hosts moderate: the moderation page loads on demand too.
const ModerationPage = lazy(() =>
  import('../features/moderation/moderation-page').then((module) => ({ default: module.ModerationPage })),
);

// Only admins manage federation: the page loads on demand.
const FederationPage = lazy(() =>
  import('../features/admin/federation-page').then((module) => ({ default: module.FederationPage })),
);

function NotFoundPage() {
  useTitle('Not found');
  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Page not found
      </h1>
      <p>
        There is nothing at this address. <a href="/">Go to the start page</a> and open a hashtag room.
      </p>
    </section>
  );
}

/** The page for a route; keys remount pages so each room or profile starts fresh. */
export function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'landing':
      return <LandingPage />;
    case 'home':
      return <HomePage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'room':
      return <RoomPage key={route.tag.toLowerCase()} name={route.tag} />;
    case 'profile':
      return <ProfilePage key={route.acct} acct={route.acct} />;
    case 'status':
      return <StatusPage key={route.id} acct={route.acct} id={route.id} />;
    case 'chats':
      return <DirectoryPage filters={route.filters} />;
    case 'chat-new':
      return <NewChatPage />;
    case 'chat':
      return <ChatPageView key={route.id} id={route.id} sessionId={route.sessionId} />;
    case 'chat-edit':
      return <EditChatPage key={route.id} id={route.id} />;
    case 'console':
      return (
        <Suspense fallback={<p className="feed-note">Loading the host console…</p>}>
          <ConsolePage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'recap':
      return (
        <Suspense fallback={<p className="feed-note">Loading the recap…</p>}>
          <RecapPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'chat-stats':
      return (
        <Suspense fallback={<p className="feed-note">Loading the chat's numbers…</p>}>
          <ChatStatsPage key={route.id} chatId={route.id} />
        </Suspense>
      );
    case 'moderation':
      return (
        <Suspense fallback={<p className="feed-note">Loading moderation…</p>}>
          <ModerationPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'settings':
      return <SettingsPage />;
    case 'lists':
      return <ListsIndexPage />;
    case 'list':
      return <ListTimelinePage id={route.id} />;
    case 'settings-lists':
      return <ListsPage />;
    case 'settings-filters':
      return <FiltersPage />;
    case 'admin-federation':
      return (
        <Suspense fallback={<p className="feed-note">Loading federation…</p>}>
          <FederationPage />
        </Suspense>
      );
    case 'sign-in':
      return <SignInPage next={route.next} />;
    case 'sign-up':
      return <SignUpPage next={route.next} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
