/** Grey stand-ins for chat cards while the directory loads. */
export function LiveCardSkeletons({ count = 3 }: { count?: number }) {
  return (
    <ul className="chat-list" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={i} className="chat-entry skeleton-card">
          <span className="skeleton skeleton-title" />
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line skeleton-short" />
        </li>
      ))}
    </ul>
  );
}
