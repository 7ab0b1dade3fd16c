import type { Account } from '@hashchat/api/entities/account';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { listBlocks, listMutes, type MutedAccount, setBlocking, setMuting } from '../../api/safety';
import { paths } from '../../app/routes';
import { useLoad } from '../../app/use-load';
import { Skeleton } from '../../app/waiting';
import { displayName } from '../status/avatar';

type Kind = 'blocks' | 'mutes';

function until(account: MutedAccount): string {
  if (!account.mute_expires_at) return '';
  const when = new Date(account.mute_expires_at);
  return ` · until ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(when)}`;
}

function PeopleList({ kind }: { kind: Kind }) {
  const [people, setPeople] = useState<MutedAccount[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [undone, setUndone] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useLoad(() => (kind === 'blocks' ? listBlocks() : listMutes()), [kind], {
    onValue(page) {
      setPeople(page.items);
      setNext(page.nextMaxId);
    },
    onError: (err) => setError(errorMessage(err)),
  });

  async function more() {
    if (!next) return;
    try {
      const page = await (kind === 'blocks' ? listBlocks(next) : listMutes(next));
      setPeople((list) => [...(list ?? []), ...page.items]);
      setNext(page.nextMaxId);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function toggle(account: Account) {
    const on = undone.has(account.id);
    setError(null);
    try {
      await (kind === 'blocks' ? setBlocking(account.id, on) : setMuting(account.id, on));
      setUndone((set) => {
        const copy = new Set(set);
        if (on) copy.delete(account.id);
        else copy.add(account.id);
        return copy;
      });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const title = kind === 'blocks' ? 'Blocked accounts' : 'Muted accounts';
  return (
    <section aria-labelledby={`${kind}-title`}>
      <h3 id={`${kind}-title`}>{title}</h3>
      {people === null && !error && <Skeleton kind="lines" count={2} />}
      {people?.length === 0 && (
        <p className="muted">
          {kind === 'blocks'
            ? 'You have blocked nobody. Block someone from their profile.'
            : 'You have muted nobody. Mute someone from their profile.'}
        </p>
      )}
      {people && people.length > 0 && (
        <ul className="people safety-list" aria-label={title}>
          {people.map((person) => {
            const off = undone.has(person.id);
            return (
              <li key={person.id} className="person">
                <a href={paths.profile(person.acct)}>
                  <span className="person-name">{displayName(person)}</span>{' '}
                  <span className="person-acct">@{person.acct}</span>
                </a>
                <span className="muted">{kind === 'mutes' && !off ? until(person) : ''}</span>
                <button type="button" className="button button-quiet" onClick={() => toggle(person)}>
                  {kind === 'blocks' ? (off ? 'Block again' : 'Unblock') : off ? 'Mute again' : 'Unmute'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {next && (
        <button type="button" className="button" onClick={more}>
          Show more
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The Settings section listing the people the viewer blocked and muted, each with undo. */
export function SafetySettings() {
  return (
    <section aria-labelledby="safety-title" className="safety-settings">
      <h2 id="safety-title">Blocks and mutes</h2>
      <p className="muted">
        You do not see statuses from people you block or mute, in any room or timeline. People you block
        cannot follow you either.
      </p>
      <PeopleList kind="blocks" />
      <PeopleList kind="mutes" />
    </section>
  );
}
