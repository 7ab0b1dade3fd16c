/**
 * What a page shows while it waits or when a read failed: grey stand-ins shaped like what is
 * coming (so nothing jumps when it lands), and an error in plain words with Try again.
 */

/** Grey stand-ins for a list: chat cards, or statuses (avatar and lines). */
export function Skeleton({
  kind = 'statuses',
  count = 3,
}: {
  kind?: 'cards' | 'statuses' | 'lines';
  count?: number;
}) {
  return (
    <div className={`skeleton-list skeleton-${kind}`}>
      <span className="sr-only" role="status">
        Loading
      </span>
      <ul aria-hidden="true" className={kind === 'cards' ? 'chat-list' : 'skeleton-items'}>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <li key={i} className={kind === 'cards' ? 'chat-entry skeleton-card' : 'skeleton-item'}>
            {kind === 'statuses' && <span className="skeleton skeleton-avatar" />}
            <span className="skeleton-text">
              <span className="skeleton skeleton-title" />
              <span className="skeleton skeleton-line" />
              {kind !== 'lines' && <span className="skeleton skeleton-line skeleton-short" />}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A read that failed: what happened in plain words, and a way to try again. */
export function LoadError({ error, onRetry }: { error: string; onRetry?: () => void }) {
  return (
    <div className="load-error" role="alert">
      <p>{error}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
