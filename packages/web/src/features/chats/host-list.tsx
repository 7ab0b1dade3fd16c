import type { Account } from '@hashchat/api/entities/account';
import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';
import { Avatar, displayName } from '../status/avatar';
import { guestBadge } from './chat-roles';
import { RoleBadge } from './role-badge';

interface Person {
  account: Account;
  role: 'Host' | 'Co-host' | 'Guest';
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
    ...chat.hosts.map((account) => {
      const role = account.id === ownerId ? ('Host' as const) : ('Co-host' as const);
      return { account, role, badge: role };
    }),
    ...(session?.guests ?? [])
      .filter((g) => !chat.hosts.some((h) => h.id === g.id))
      .map((g) => ({ account: g as Account, role: 'Guest' as const, badge: guestBadge(g.badge) })),
  ];
  return (
    <ul className={compact ? 'people people-compact' : 'people'}>
      {people.map(({ account, role, badge }) => (
        <li key={account.id}>
          <a href={paths.profile(account.acct)} className="person">
            {!compact && <Avatar account={account} />}
            <span className="person-name">{displayName(account)}</span>
            {!compact && <span className="person-acct">@{account.acct}</span>}
          </a>{' '}
          <RoleBadge role={role} label={badge} />
        </li>
      ))}
    </ul>
  );
}
