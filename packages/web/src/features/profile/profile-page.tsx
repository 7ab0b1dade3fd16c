import type { Account } from '@hashchat/api/entities/account';
import { useCallback } from 'react';
import { lookupAccount } from '../../api/accounts';
import { accountStatuses } from '../../api/timelines';
import { useSession } from '../../app/session-context';
import { useResource } from '../../app/use-resource';
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
  const resource = useResource(() => lookupAccount(acct), [acct], { reset: true });
  const account = resource.value ?? null;
  const error = resource.state.status === 'missing' ? `There is no @${acct} here.` : resource.error;
  useTitle(account ? `${displayName(account)} (@${account.acct})` : `@${acct}`);

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
          resource.update((a) => ({ ...a, followers_count: a.followers_count + delta }))
        }
      />
      <h2 className="sr-only">Statuses</h2>
      <ProfileStatuses key={account.id} account={account} />
    </section>
  );
}
