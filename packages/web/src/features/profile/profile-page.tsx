import type { Account } from '@hashchat/api/entities/account';
import { useCallback, useEffect, useState } from 'react';
import { lookupAccount } from '../../api/accounts';
import { ApiError, errorMessage } from '../../api/api-error';
import { accountStatuses } from '../../api/timelines';
import { useSession } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { displayName } from '../status/avatar';
import { LiveFeed } from '../status/live-feed';
import { useLiveTimeline } from '../status/use-live-timeline';
import { ProfileHeader } from './profile-header';

function ProfileStatuses({ account }: { account: Account }) {
  const load = useCallback((maxId?: string) => accountStatuses(account.id, maxId), [account.id]);
  const timeline = useLiveTimeline({ load });
  return (
    <LiveFeed
      timeline={timeline}
      label={`Statuses by @${account.acct}`}
      keyboard
      empty={<p>@{account.acct} has not posted yet.</p>}
    />
  );
}

/** A person's profile: who they are, Follow, and their statuses. */
export function ProfilePage({ acct }: { acct: string }) {
  const { account: self } = useSession();
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(account ? `${displayName(account)} (@${account.acct})` : `@${acct}`);

  useEffect(() => {
    let active = true;
    setAccount(null);
    setError(null);
    lookupAccount(acct).then(
      (value) => active && setAccount(value),
      (err) =>
        active &&
        setError(
          err instanceof ApiError && err.status === 404 ? `There is no @${acct} here.` : errorMessage(err),
        ),
    );
    return () => {
      active = false;
    };
  }, [acct]);

  if (error) {
    return (
      <section className="column" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          @{acct}
        </h1>
        <p className="form-error" role="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!account) return <p className="column feed-note">Loading…</p>;
  return (
    <section className="column" aria-labelledby="page-title">
      <ProfileHeader
        account={account}
        canFollow={self !== null && self.id !== account.id}
        onFollowChange={(delta) =>
          setAccount({ ...account, followers_count: account.followers_count + delta })
        }
      />
      <h2 className="sr-only">Statuses</h2>
      <ProfileStatuses key={account.id} account={account} />
    </section>
  );
}
