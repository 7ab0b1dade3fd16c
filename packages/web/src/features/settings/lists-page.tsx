import type { Account } from '@hashchat/api/entities/account';
import type { List } from '@hashchat/api/entities/list';
import { type FormEvent, useState } from 'react';
import {
  addListMember,
  createList,
  deleteList,
  getFollowing,
  getListMembers,
  getLists,
  removeListMember,
  updateList,
} from '../../api/lists';
import { ErrorLine } from '../../app/error-line';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { displayName } from '../status/avatar';

const POLICIES: { value: List['replies_policy']; label: string }[] = [
  { value: 'list', label: 'Replies to members of the list' },
  { value: 'followed', label: 'Replies to anyone you follow' },
  { value: 'none', label: 'No replies' },
];

/** The members of one list: remove any, add someone the viewer follows. */
function Members({ list, me }: { list: List; me: string }) {
  const members = useResource(() => getListMembers(list.id), [list.id]);
  const following = useResource(async () => (await getFollowing(me)).items, [me]);
  const task = useAction();
  const [pick, setPick] = useState('');
  const onList = new Set((members.value ?? []).map((a) => a.id));
  const candidates = (following.value ?? []).filter((a) => !onList.has(a.id));

  const add = () =>
    task.run(async () => {
      const person = candidates.find((a) => a.id === pick);
      if (!person) return;
      await addListMember(list.id, person.id);
      members.update((all) => [...all, person]);
      setPick('');
    });
  const remove = (person: Account) =>
    task.run(async () => {
      await removeListMember(list.id, person.id);
      members.update((all) => all.filter((a) => a.id !== person.id));
    });

  return (
    <div className="list-members">
      {members.value?.length === 0 && <p className="muted">Nobody is on this list yet.</p>}
      {members.value && members.value.length > 0 && (
        <ul className="people" aria-label={`Members of ${list.title}`}>
          {members.value.map((person) => (
            <li key={person.id} className="person">
              <a href={paths.profile(person.acct)}>
                <span className="person-name">{displayName(person)}</span>{' '}
                <span className="person-acct">@{person.acct}</span>
              </a>
              <button
                type="button"
                className="button button-quiet"
                disabled={task.busy}
                onClick={() => remove(person)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`add-${list.id}`}>Add someone you follow</label>
        <span className="inline-form">
          <select id={`add-${list.id}`} value={pick} onChange={(event) => setPick(event.target.value)}>
            <option value="">{candidates.length === 0 ? 'Everyone you follow is on it' : 'Choose…'}</option>
            {candidates.map((a) => (
              <option key={a.id} value={a.id}>
                {displayName(a)} (@{a.acct})
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!pick || task.busy} onClick={add}>
            Add to list
          </button>
        </span>
      </div>
      <ErrorLine error={task.error ?? members.error ?? following.error} />
    </div>
  );
}

/** One list: its name, which replies it shows, whether it leaves Home, its members; delete with a confirmation. */
function ListCard({
  list,
  me,
  onChange,
  onDelete,
}: {
  list: List;
  me: string;
  onChange: (list: List) => void;
  onDelete: () => void;
}) {
  const task = useAction();
  const [title, setTitle] = useState(list.title);
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const save = (change: Partial<List>) => task.run(async () => onChange(await updateList(list.id, change)));

  return (
    <li className="settings-card">
      <h3 id={`list-${list.id}`}>{list.title}</h3>
      <p>
        <a href={paths.list(list.id)}>Read {list.title}</a>
      </p>
      <form
        className="inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save({ title });
        }}
      >
        <label className="sr-only" htmlFor={`title-${list.id}`}>
          Name of {list.title}
        </label>
        <input
          id={`title-${list.id}`}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button
          type="submit"
          className="button"
          disabled={task.busy || title.trim() === '' || title === list.title}
        >
          Rename
        </button>
      </form>
      <div className="field">
        <label htmlFor={`policy-${list.id}`}>Show replies</label>
        <select
          id={`policy-${list.id}`}
          value={list.replies_policy}
          disabled={task.busy}
          onChange={(event) => save({ replies_policy: event.target.value as List['replies_policy'] })}
        >
          {POLICIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-check">
        <input
          id={`exclusive-${list.id}`}
          type="checkbox"
          checked={list.exclusive}
          disabled={task.busy}
          onChange={(event) => save({ exclusive: event.target.checked })}
        />
        <label htmlFor={`exclusive-${list.id}`}>Show members' posts only here, not in Home</label>
      </div>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide members' : 'Members'}
      </button>
      {open && <Members list={list} me={me} />}
      {!confirming ? (
        <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
          Delete list
        </button>
      ) : (
        <div className="confirm-box">
          <p>Delete “{list.title}”? The people on it stay followed.</p>
          <span className="confirm">
            <button
              type="button"
              className="button button-danger"
              disabled={task.busy}
              onClick={() =>
                task.run(async () => {
                  await deleteList(list.id);
                  onDelete();
                })
              }
            >
              Yes, delete it
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        </div>
      )}
      <ErrorLine error={task.error} />
    </li>
  );
}

/** Lists of people you follow, as Mastodon apps show them as timelines: make, rename, fill, delete. */
export function ListsPage() {
  useTitle('Lists');
  const { state, account } = useSession();
  const lists = useResource(() => (account ? getLists() : Promise.resolve([] as List[])), [account?.id]);
  const task = useAction();
  const [title, setTitle] = useState('');

  const create = (event: FormEvent) => {
    event.preventDefault();
    void task.run(async () => {
      const made = await createList({ title, replies_policy: 'list', exclusive: false });
      lists.update((all) => [...all, made]);
      setTitle('');
    });
  };

  return (
    <section className="column narrow" aria-labelledby="page-title">
      <p>
        <a href={paths.settings}>Settings</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Lists
      </h1>
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.settingsLists)}>Sign in</a> to make lists.
        </p>
      )}
      {account && (
        <>
          <p className="muted">
            A list gathers people you follow. Mastodon apps (Phanpy, Elk, Ivory…) show each list as its own
            timeline.
          </p>
          <form className="form" onSubmit={create}>
            <div className="field">
              <label htmlFor="new-list-title">New list</label>
              <span className="inline-form">
                <input
                  id="new-list-title"
                  value={title}
                  maxLength={200}
                  placeholder="e.g. Chat hosts"
                  onChange={(event) => setTitle(event.target.value)}
                />
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={task.busy || title.trim() === ''}
                >
                  Create list
                </button>
              </span>
            </div>
            <ErrorLine error={task.error} />
          </form>
          {lists.loading && !lists.value && <p className="feed-note">Loading your lists…</p>}
          {lists.value?.length === 0 && (
            <p className="muted">You have no lists yet. Name one above to start.</p>
          )}
          {lists.value && lists.value.length > 0 && (
            <ul className="settings-cards" aria-label="Your lists">
              {lists.value.map((list) => (
                <ListCard
                  key={list.id}
                  list={list}
                  me={account.id}
                  onChange={(changed) =>
                    lists.update((all) => all.map((l) => (l.id === changed.id ? changed : l)))
                  }
                  onDelete={() => lists.update((all) => all.filter((l) => l.id !== list.id))}
                />
              ))}
            </ul>
          )}
          <ErrorLine error={lists.error} />
        </>
      )}
    </section>
  );
}
