import type { Acknowledgement } from '@hashchat/api/entities/live';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { listAcknowledgements } from '../../api/live';
import { actOnStatus } from '../../api/statuses';
import { streamUrls } from '../../api/streaming';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import { LoadError, Skeleton } from '../../app/waiting';
import { Composer } from '../composer/composer';
import { plainText } from '../live/plain-text';
import { Avatar, displayName } from '../status/avatar';
import { replyPrefill } from '../status/reply-prefill';
import { mergeAcknowledgements } from './acknowledgement-model';

// Read again this long after the room moves (batched), and at least this often.
const SETTLE_MS = 1500;
const REFRESH_MS = 15_000;

/**
 * Participants who posted and have had no reply or like from a host yet, with a Reply and a
 * Like right there; the list empties as the hosts answer.
 */
export function AcknowledgementList({
  sessionId,
  roomTag,
  selfId,
}: {
  sessionId: string;
  roomTag: string;
  selfId: string;
}) {
  const [entries, setEntries] = useState<Acknowledgement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const acknowledged = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useLoad(() => listAcknowledgements(sessionId), [sessionId], {
    onValue(fresh) {
      setError(null);
      setEntries(mergeAcknowledgements(fresh, acknowledged.current));
    },
    onError: (err) => setError(errorMessage(err)),
  });

  const refreshSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      refresh();
    }, SETTLE_MS);
  }, [refresh]);

  useStream(streamUrls.session(sessionId), (event) => {
    if (event.event === 'update' || event.event === 'delete') refreshSoon();
  });
  useEffect(() => {
    const every = setInterval(refresh, REFRESH_MS);
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [refresh]);

  function done(entry: Acknowledgement) {
    acknowledged.current.set(entry.account.id, entry.last_status.id);
    setEntries((list) => list?.filter((e) => e.account.id !== entry.account.id) ?? null);
    refreshSoon();
  }

  if (entries === null)
    return error ? <LoadError error={error} onRetry={refresh} /> : <Skeleton kind="lines" count={2} />;
  return (
    <>
      <p className="sr-only" role="status">
        {entries.length === 0
          ? 'Everyone has had a reply or a like.'
          : `${entries.length} waiting for a reply`}
      </p>
      {entries.length === 0 ? (
        <p className="feed-empty">Everyone who posted has had a reply or a like from a host.</p>
      ) : (
        <ol className="ack-list" aria-label="Waiting for a reply">
          {entries.map((entry) => (
            <AcknowledgementItem
              key={entry.account.id}
              entry={entry}
              roomTag={roomTag}
              selfId={selfId}
              onDone={done}
            />
          ))}
        </ol>
      )}
      {error && <p className="form-error">{error}</p>}
    </>
  );
}

function AcknowledgementItem({
  entry,
  roomTag,
  selfId,
  onDone,
}: {
  entry: Acknowledgement;
  roomTag: string;
  selfId: string;
  onDone(entry: Acknowledgement): void;
}) {
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = displayName(entry.account);
  const last = entry.last_status;

  async function like() {
    setError(null);
    try {
      await actOnStatus(last.id, 'favourite');
      onDone(entry);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <li className="ack-item" aria-label={name}>
      <p className="ack-who">
        <Avatar account={entry.account} /> <strong>{name}</strong>{' '}
        <span className="muted">@{entry.account.acct}</span>
        <span className="muted">
          {' '}
          · {entry.statuses_count === 1 ? '1 post' : `${entry.statuses_count} posts`}
        </span>
      </p>
      <p className="ack-excerpt">{plainText(last.content)}</p>
      <div className="ack-actions">
        <button
          type="button"
          className="button"
          aria-expanded={replying}
          onClick={() => setReplying((r) => !r)}
        >
          Reply to {name}
        </button>
        <button type="button" className="button" onClick={like}>
          Like
        </button>
      </div>
      {replying && (
        <Composer
          label={`Reply to @${entry.account.acct}`}
          tag={roomTag}
          initialText={replyPrefill(last, selfId)}
          inReplyToId={last.id}
          submitLabel="Post reply"
          autoFocus
          onCancel={() => setReplying(false)}
          onPosted={() => onDone(entry)}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
