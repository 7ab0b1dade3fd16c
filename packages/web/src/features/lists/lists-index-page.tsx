import type { List } from '@hashchat/api/entities/list';
import { getLists } from '../../api/lists';
import { ErrorLine } from '../../app/error-line';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { Skeleton } from '../../app/waiting';

/** The viewer's lists to read, each a link to its timeline; they are made in Settings → Lists. */
export function ListsIndexPage() {
  useTitle('Lists');
  const { state, account } = useSession();
  const lists = useResource(() => (account ? getLists() : Promise.resolve([] as List[])), [account?.id]);
  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Lists
      </h1>
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.lists)}>Sign in</a> to read your lists.
        </p>
      )}
      {account && lists.loading && !lists.value && <Skeleton count={2} />}
      {account && lists.value?.length === 0 && (
        <p className="prompt">
          A list gathers people you follow into a timeline of their own.{' '}
          <a href={paths.settingsLists}>Make a list in Settings</a>.
        </p>
      )}
      {lists.value && lists.value.length > 0 && (
        <>
          <ul className="list-links" aria-label="Your lists">
            {lists.value.map((list) => (
              <li key={list.id}>
                <a className="list-link" href={paths.list(list.id)}>
                  {list.title}
                </a>
              </li>
            ))}
          </ul>
          <p className="muted">
            <a href={paths.settingsLists}>Manage lists</a>
          </p>
        </>
      )}
      <ErrorLine error={lists.error} />
    </section>
  );
}
