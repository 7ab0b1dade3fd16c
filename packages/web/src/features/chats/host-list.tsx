import type { Account } from '@hashchat/api/entities/account';
import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';
import { Avatar, displayName } from '../status/avatar';
import { RoleBadge } from './role-badge';

interface Person {
  account: Account;
  badge: string;
}

/** Who runs a chat (and a session): hosts, co-hosts and guests, each with their badge. */
export function HostList({
  chat,
  session,
  compact,
}: {
  chat: Chat;
  session?: ChatSession | null;
  compact?: boolean;
}) {
  const ownerId = chat.owner?.id ?? chat.hosts[0]?.id;
  const people: Person[] = [
    ...chat.hosts.map((account) => ({ account, badge: account.id === ownerId ? 'Host' : 'Co-host' })),
    ...(session?.guests ?? [])
      .filter((g) => !chat.hosts.some((h) => h.id === g.id))
      .map((g) => ({ account: g as Account, badge: g.badge || 'Guest' })),
  ];
  return (
    <ul className={compact ? 'people people-compact' : 'people'}>
      {people.map(({ account, badge }) => (
        <li key={account.id}>
          <a href={paths.profile(account.acct)} className="person">
            {!compact && <Avatar account={account} />}
            <span className="person-name">{displayName(account)}</span>
            {!compact && <span className="person-acct">@{account.acct}</span>}
          </a>{' '}
          <RoleBadge role={badge} />
        </li>
      ))}
    </ul>
  );
}
