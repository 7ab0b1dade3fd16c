import { useEffect } from 'react';
import { getFederationStatus } from '../../api/federation-admin';
import { useResource } from '../../app/use-resource';

const when = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
    : 'never';

/** The delivery queue and how each remote server has answered, failing servers first. */
export function DeliveryHealth({ onMode }: { onMode(mode: 'open' | 'allowlist'): void }) {
  const status = useResource((signal) => getFederationStatus(signal), []);
  const mode = status.value?.mode;
  useEffect(() => {
    if (mode) onMode(mode);
  }, [mode, onMode]);

  const s = status.value;
  return (
    <section aria-labelledby="health-title" className="admin-section">
      <div className="admin-item-head">
        <h2 id="health-title">Delivery health</h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={status.refresh}
          disabled={status.loading}
        >
          Refresh
        </button>
      </div>
      {status.error && (
        <p className="form-error" role="alert">
          {status.error}
        </p>
      )}
      {!s && !status.error && <p className="feed-note">Loading delivery health…</p>}
      {s && (
        <>
          <dl className="admin-figures">
            <div>
              <dt>Waiting</dt>
              <dd>{s.queue.queued}</dd>
            </div>
            <div>
              <dt>Due now</dt>
              <dd>{s.queue.ready}</dd>
            </div>
            <div>
              <dt>Retrying later</dt>
              <dd>{s.queue.delayed}</dd>
            </div>
          </dl>
          {s.servers.length === 0 ? (
            <p className="muted">Nothing has been delivered to another server yet.</p>
          ) : (
            <ul className="admin-list" aria-label="Remote servers">
              {s.servers.map((server) => (
                <li
                  key={server.host}
                  className={server.consecutive_failures > 0 ? 'admin-item admin-item-failing' : 'admin-item'}
                >
                  <div className="admin-item-head">
                    <strong className="admin-domain">{server.host}</strong>
                    <span className="muted">
                      {server.failures} of {server.attempts} failed
                    </span>
                  </div>
                  {server.consecutive_failures > 0 && (
                    <p>
                      Failing: {server.consecutive_failures} in a row
                      {server.given_up > 0 ? ` · ${server.given_up} given up` : ''}
                    </p>
                  )}
                  {server.last_error && (
                    <p className="muted admin-error">
                      Last error ({when(server.last_error_at)}): {server.last_error}
                    </p>
                  )}
                  <p className="muted">Last delivered: {when(server.last_success_at)}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
