import type { ModerationStats as Stats } from '@hashchat/api/entities/moderation';
import { useEffect, useState } from 'react';
import { moderationStats } from '../../api/moderation';
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
  const [stats, setStats] = useState<Stats | null>(null);

  useEffect(() => {
    let active = true;
    moderationStats(chatId).then(
      (value) => active && setStats(value),
      () => {},
    );
    return () => {
      active = false;
    };
  }, [chatId]);

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
