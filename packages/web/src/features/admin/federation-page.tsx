import type { AdminDomainAllow, AdminDomainBlock } from '@hashchat/api/entities/federation-admin';
import { useState } from 'react';
import {
  disallowDomain,
  listDomainAllows,
  listDomainBlocks,
  unblockDomain,
} from '../../api/federation-admin';
import { isAdmin } from '../../app/is-admin';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import '../../styles/admin.css';
import { DeliveryHealth } from './delivery-health';
import { AllowDomainForm, BlockDomainForm } from './domain-forms';

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A Remove button with its own busy state and error, shown beside what it removes. */
function RemoveButton({ label, remove }: { label: string; remove(): Promise<void> }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={action.busy}
        aria-label={label}
        onClick={() => action.run(remove)}
      >
        Remove
      </button>
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
    </>
  );
}

function BlockList({
  blocks,
  onRemoved,
}: {
  blocks: AdminDomainBlock[];
  onRemoved(block: AdminDomainBlock): void;
}) {
  if (blocks.length === 0)
    return <p className="muted">No server is blocked. Block one above when it sends spam or abuse.</p>;
  return (
    <ul className="admin-list" aria-label="Blocked domains">
      {blocks.map((b) => (
        <li key={b.id} className="admin-item">
          <div className="admin-item-head">
            <strong className="admin-domain">{b.domain}</strong>
            <span className={`severity severity-${b.severity}`}>
              {b.severity === 'suspend' ? 'Suspended' : 'Silenced'}
            </span>
          </div>
          {b.public_comment && <p>Reason: {b.public_comment}</p>}
          {b.private_comment && <p className="muted">Note: {b.private_comment}</p>}
          <p className="muted">
            Since <time dateTime={b.created_at}>{when(b.created_at)}</time>
            {b.obfuscate ? ' · partly hidden on the public list' : ''}
          </p>
          <RemoveButton
            label={`Remove the block on ${b.domain}`}
            remove={async () => {
              await unblockDomain(b.id);
              onRemoved(b);
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function AllowList({
  allows,
  onRemoved,
}: {
  allows: AdminDomainAllow[];
  onRemoved(a: AdminDomainAllow): void;
}) {
  if (allows.length === 0)
    return <p className="muted">No server is allowed yet: this server federates with nobody.</p>;
  return (
    <ul className="admin-list" aria-label="Allowed domains">
      {allows.map((a) => (
        <li key={a.id} className="admin-item admin-item-row">
          <strong className="admin-domain">{a.domain}</strong>
          <RemoveButton
            label={`Remove ${a.domain} from the allow-list`}
            remove={async () => {
              await disallowDomain(a.id);
              onRemoved(a);
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function FederationAdmin() {
  const blocks = useResource((signal) => listDomainBlocks(signal), []);
  const allows = useResource((signal) => listDomainAllows(signal), []);
  const [mode, setMode] = useState<'open' | 'allowlist' | null>(null);
  const [said, setSaid] = useState('');

  return (
    <div className="admin-grid">
      <section aria-labelledby="blocks-title" className="admin-section">
        <h2 id="blocks-title">Blocked servers</h2>
        <p className="muted">
          Suspending a server refuses everything from it and sends it nothing. Silencing keeps its posts out
          of public timelines and rooms. A block covers every subdomain too.
        </p>
        <BlockDomainForm
          onBlocked={(b) => {
            blocks.update((list) => [b, ...list]);
            setSaid(`Blocked ${b.domain}.`);
          }}
        />
        {blocks.loading && !blocks.value && <p className="feed-note">Loading the blocked servers…</p>}
        {blocks.error && (
          <p className="form-error" role="alert">
            {blocks.error}{' '}
            <button type="button" className="link-button" onClick={blocks.refresh}>
              Try again
            </button>
          </p>
        )}
        {blocks.value && (
          <BlockList
            blocks={blocks.value}
            onRemoved={(b) => {
              blocks.update((list) => list.filter((x) => x.id !== b.id));
              setSaid(`Removed the block on ${b.domain}.`);
            }}
          />
        )}
      </section>

      <div className="admin-side">
        <DeliveryHealth onMode={setMode} />
        {mode === 'allowlist' && (
          <section aria-labelledby="allows-title" className="admin-section">
            <h2 id="allows-title">Allowed servers</h2>
            <p className="muted">
              This server runs in allow-list mode (FEDERATION_MODE=allowlist): it federates only with these
              servers and their subdomains.
            </p>
            <AllowDomainForm
              onAllowed={(a) => {
                allows.update((list) => [a, ...list.filter((x) => x.id !== a.id)]);
                setSaid(`Allowed ${a.domain}.`);
              }}
            />
            {allows.value && (
              <AllowList
                allows={allows.value}
                onRemoved={(a) => {
                  allows.update((list) => list.filter((x) => x.id !== a.id));
                  setSaid(`Removed ${a.domain} from the allow-list.`);
                }}
              />
            )}
          </section>
        )}
      </div>
      <p className="sr-only" role="status">
        {said}
      </p>
    </div>
  );
}

/** Admin → Federation: blocked (and, in allow-list mode, allowed) servers, and delivery health. */
export function FederationPage() {
  useTitle('Federation');
  const { state, account } = useSession();
  return (
    <section className="column admin-page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Federation
      </h1>
      {state.status === 'loading' && <p className="feed-note">Loading…</p>}
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.adminFederation)}>Sign in</a> as an admin to manage federation.
        </p>
      )}
      {state.status === 'signed-in' && !isAdmin(account) && (
        <p>Only the admins of this server manage which servers it federates with.</p>
      )}
      {state.status === 'signed-in' && isAdmin(account) && <FederationAdmin />}
    </section>
  );
}
