import { isAdmin } from '../../app/is-admin';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { SafetySettings } from '../safety/safety-settings';
import { CalendarFeedSettings } from './calendar-feed-settings';
import { ReminderSettings } from './reminder-settings';
import { ThemeSettings } from './theme-settings';

/** The viewer's chat settings: when reminders come, and the private calendar feed of followed chats. */
export function SettingsPage() {
  useTitle('Settings');
  const { state, account } = useSession();
  return (
    <section className="column narrow" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Settings
      </h1>
      <ThemeSettings />
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.settings)}>Sign in</a> to change your reminders, calendar and blocks.
        </p>
      )}
      {state.status === 'signed-in' && (
        <>
          <section aria-labelledby="reading-title">
            <h2 id="reading-title">Lists and filters</h2>
            <p className="muted">Shared with your Mastodon apps.</p>
            <ul>
              <li>
                <a href={paths.settingsLists}>Lists</a>: people you follow, gathered into timelines
              </li>
              <li>
                <a href={paths.settingsFilters}>Filters</a>: words you would rather not see
              </li>
            </ul>
          </section>
          {isAdmin(account) && (
            <section aria-labelledby="server-title">
              <h2 id="server-title">Server</h2>
              <ul>
                <li>
                  <a href={paths.adminFederation}>Federation</a>: blocked and allowed servers, delivery health
                </li>
              </ul>
            </section>
          )}
          <ReminderSettings />
          <CalendarFeedSettings />
          <SafetySettings />
        </>
      )}
    </section>
  );
}
