import type { ReactNode } from 'react';

/** What a page shows before it can show its content: still loading, not there, or failed. */
export type Unready = { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: string };

/**
 * A page while what it shows loads, is missing or failed to load: its heading (focusable, as
 * navigation moves focus there) and one line saying which.
 */
export function UnreadyPage({
  state,
  title,
  missingTitle = title,
  loading = 'Loading…',
  missing,
}: {
  state: Unready;
  title: string;
  missingTitle?: string;
  loading?: string;
  /** What to say, and where to go, when there is nothing at this address. */
  missing: ReactNode;
}) {
  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {state.status === 'missing' ? missingTitle : title}
      </h1>
      {state.status === 'loading' && <p className="feed-note">{loading}</p>}
      {state.status === 'missing' && <p>{missing}</p>}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}
