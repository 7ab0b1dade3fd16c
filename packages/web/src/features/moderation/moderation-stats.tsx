import { moderationStats } from '../../api/moderation';
import { useResource } from '../../app/use-resource';
import { CATEGORIES } from './categories';

/**
 * The chat's public moderation counts by reason, so curation is visible to everyone; its
 * hosts also get a link to the moderation page of the current session.
 */
export function ModerationStats({
  chatId,
  moderationHref,
}: {
  chatId: string;
  moderationHref?: string | null;
}) {
  const stats = useResource(() => moderationStats(chatId), [chatId]).value ?? null;

  if (!stats && !moderationHref) return null;
  const total = stats?.removals_count ?? 0;
  return (
    <section aria-labelledby="moderation-stats-title" className="moderation-stats">
      <h2 id="moderation-stats-title">Moderation</h2>
      {stats && (
        <>
          <p>
            {total === 0
              ? 'The hosts have removed nothing from this chat’s room.'
              : `The hosts have removed ${total} ${total === 1 ? 'status or person' : 'statuses or people'} from this chat’s room.`}
          </p>
          {total > 0 && (
            <dl className="moderation-counts">
              {CATEGORIES.map((c) => (
                <div key={c.value}>
                  <dt>{c.label}</dt>
                  <dd>{stats.by_category[c.value] ?? 0}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
      {moderationHref && (
        <p>
          <a className="button" href={moderationHref}>
            Moderation queue and log
          </a>
        </p>
      )}
    </section>
  );
}
