import type { RecapLink } from '@hashchat/api/entities/recap';
import { linkLabel, plural } from './recap-model';

/** The session's resource list: every link shared, once, with how many statuses shared it. */
export function ResourceList({ links }: { links: RecapLink[] }) {
  if (links.length === 0) return <p className="feed-empty">No links were shared.</p>;
  return (
    <ol className="resource-list" aria-label="Links shared">
      {links.map((link) => (
        <li key={link.url}>
          <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
            {link.title || linkLabel(link.url)}
          </a>{' '}
          <span className="recap-count">shared in {plural(link.count, 'status', 'statuses')}</span>
        </li>
      ))}
    </ol>
  );
}
