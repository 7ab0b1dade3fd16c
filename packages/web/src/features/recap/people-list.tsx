import type { Account } from '@hashchat/api/entities/account';
import { paths } from '../../app/routes';
import { Avatar, displayName } from '../status/avatar';
import { plural } from './recap-model';

export interface PeopleListProps {
  label: string;
  people: { account: Account; count: number }[];
  /** The unit counted, singular and plural ("status", "statuses"). */
  unit: [string, string];
  empty: string;
}

/** A ranked list of accounts with a count each (most active, most mentioned). */
export function PeopleList({ label, people, unit, empty }: PeopleListProps) {
  if (people.length === 0) return <p className="feed-empty">{empty}</p>;
  return (
    <ol className="recap-people" aria-label={label}>
      {people.map(({ account, count }) => (
        <li key={account.id} className="recap-person">
          <Avatar account={account} />
          <a href={paths.profile(account.acct)}>
            <span className="person-name">{displayName(account)}</span>{' '}
            <span className="person-acct">@{account.acct}</span>
          </a>
          <span className="recap-count">{plural(count, unit[0], unit[1])}</span>
        </li>
      ))}
    </ol>
  );
}
