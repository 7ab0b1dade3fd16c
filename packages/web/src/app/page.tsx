import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { ChatPageView } from '../features/chats/chat-page';
import { DirectoryPage } from '../features/chats/directory-page';
import { EditChatPage } from '../features/chats/edit-chat-page';
import { NewChatPage } from '../features/chats/new-chat-page';
import { HomePage } from '../features/home/home-page';
import { LandingPage } from '../features/landing/landing-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { ProfilePage } from '../features/profile/profile-page';
import { RoomPage } from '../features/room/room-page';
import { SearchPage } from '../features/search/search-page';
import { SettingsPage } from '../features/settings/settings-page';
import type { Route } from './routes';
import { useTitle } from './use-title';

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
    case 'chats':
      return <DirectoryPage filters={route.filters} />;
    case 'chat-new':
      return <NewChatPage />;
    case 'chat':
      return <ChatPageView key={route.id} id={route.id} sessionId={route.sessionId} />;
    case 'chat-edit':
      return <EditChatPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'sign-in':
      return <SignInPage next={route.next} />;
    case 'sign-up':
      return <SignUpPage next={route.next} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
