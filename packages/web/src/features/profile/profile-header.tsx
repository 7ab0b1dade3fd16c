import type { Account } from '@hashchat/api/entities/account';
import { SafetyButtons } from '../safety/safety-buttons';
import { Avatar, displayName } from '../status/avatar';
import { FollowButton } from './follow-button';

export interface ProfileHeaderProps {
  account: Account;
  canFollow: boolean;
  onFollowChange(delta: number): void;
}

function joined(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

export function ProfileHeader({ account, canFollow, onFollowChange }: ProfileHeaderProps) {
  return (
    <header className="profile-header">
      <div className="profile-top">
        <Avatar account={account} size="lg" />
        <div className="profile-names">
          <h1 id="page-title" tabIndex={-1}>
            {displayName(account)}
          </h1>
          <p className="status-acct">@{account.acct}</p>
          {account.acct.includes('@') && (
            <p className="profile-remote">
              On {account.acct.split('@')[1]} ·{' '}
              <a href={account.url} rel="noopener noreferrer">
                Their profile there
              </a>
            </p>
          )}
        </div>
        {canFollow && <FollowButton account={account} onFollowChange={onFollowChange} />}
        {canFollow && <SafetyButtons account={account} />}
      </div>
      {account.note && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the note is safe HTML from the server
        <div className="profile-note" dangerouslySetInnerHTML={{ __html: account.note }} />
      )}
      <dl className="profile-stats">
        <div>
          <dt>Posts</dt>
          <dd>{account.statuses_count}</dd>
        </div>
        <div>
          <dt>Following</dt>
          <dd>{account.following_count}</dd>
        </div>
        <div>
          <dt>Followers</dt>
          <dd>{account.followers_count}</dd>
        </div>
        <div>
          <dt>Joined</dt>
          <dd>
            <time dateTime={account.created_at}>{joined(account.created_at)}</time>
          </dd>
        </div>
      </dl>
    </header>
  );
}
