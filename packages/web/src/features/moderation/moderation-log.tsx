import type { LoggedAction } from '@hashchat/api/entities/moderation';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { moderateRoom, moderationLog } from '../../api/moderation';
import { LocalTime } from '../status/local-time';
import { categoryLabel } from './categories';
import { logText, undoOf } from './log-text';

/** The chat's moderation log, newest first: who did what, when and why, each room action with Undo. */
export function ModerationLog({ sessionId, version }: { sessionId: string; version: number }) {
  const [entries, setEntries] = useState<LoggedAction[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [undone, setUndone] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      moderationLog(sessionId).then(
        (page) => {
          setEntries(page.items);
          setNext(page.nextMaxId);
        },
        (err) => setError(errorMessage(err)),
      ),
    [sessionId],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the page acted elsewhere
  useEffect(() => {
    void reload();
  }, [reload, version]);

  async function more() {
    if (!next) return;
    try {
      const page = await moderationLog(sessionId, next);
      setEntries((list) => [...(list ?? []), ...page.items]);
      setNext(page.nextMaxId);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function undo(entry: LoggedAction) {
    const action = undoOf(entry.action);
    if (!action) return;
    setError(null);
    try {
      await moderateRoom(sessionId, {
        action,
        ...(action === 'unhide'
          ? { status_id: entry.status_id ?? '' }
          : { account_id: entry.account_id ?? '' }),
        reason: `undo of #${entry.id}`,
      });
      setUndone((set) => new Set(set).add(entry.id));
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="mod-log">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {entries === null && !error && <p className="feed-note">Loading…</p>}
      {entries?.length === 0 && <p className="feed-empty">No moderation yet in this chat.</p>}
      {entries && entries.length > 0 && (
        <ol className="mod-log-list" aria-label="Moderation log">
          {entries.map((entry) => (
            <li key={entry.id} className="mod-log-entry">
              <p>
                <LocalTime iso={entry.created_at} className="muted" />{' '}
                <strong>@{entry.moderator?.acct ?? 'someone'}</strong> {logText(entry)}
                {entry.category && <span className="muted"> · {categoryLabel(entry.category)}</span>}
              </p>
              {entry.reason && <p className="mod-log-reason">Why: {entry.reason}</p>}
              {undoOf(entry.action) && !undone.has(entry.id) && (
                <button type="button" className="button button-quiet" onClick={() => undo(entry)}>
                  Undo
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" className="button" onClick={more}>
          Older entries
        </button>
      )}
    </div>
  );
}
