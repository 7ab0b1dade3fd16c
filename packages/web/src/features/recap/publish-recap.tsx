import type { Recap } from '@hashchat/api/entities/recap';
import type { Status } from '@hashchat/api/entities/status';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { publishRecap } from '../../api/recap';
import { getStatus } from '../../api/statuses';
import { paths } from '../../app/routes';
import { useResource } from '../../app/use-resource';
import { LocalTime } from '../status/local-time';

const NO_STATUSES: Status[] = [];

type Phase = 'idle' | 'confirming' | 'busy';

export interface PublishRecapProps {
  recap: Recap;
  /** The viewer hosts the chat (owner or co-host): only they may publish. */
  host: boolean;
  /** The signed-in host's handle, to say whose account posts the thread. */
  acct: string | null;
}

/** The statuses of an already published thread, fetched by id (public statuses). */
function usePublishedThread(ids: string[] | null): Status[] {
  const key = ids?.join(',') ?? '';
  // `key` stands for `ids`.
  const thread = useResource(async () => {
    const list = await Promise.all((ids ?? []).map((id) => getStatus(id).catch(() => null)));
    return list.filter((s): s is Status => s !== null);
  }, [key]);
  return thread.value ?? NO_STATUSES;
}

/**
 * "Publish recap thread": one click, a confirmation, then the thread posted from the host's
 * account. Once published (by any host) it says so and links to the thread.
 */
export function PublishRecap({ recap, host, acct }: PublishRecapProps) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState<{ statuses: Status[]; at: string } | null>(null);
  const fetched = usePublishedThread(posted ? null : (recap.published?.status_ids ?? null));
  const thread = posted?.statuses ?? fetched;
  const publishedAt = posted?.at ?? recap.published?.published_at ?? null;
  const ended = recap.session.state === 'ended';
  const tag = recap.session.hashtag;
  const yesRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // Focus follows the flow: to "Yes, publish it" when asked, to the result once posted.
  useEffect(() => {
    if (phase === 'confirming') yesRef.current?.focus();
  }, [phase]);
  useEffect(() => {
    if (posted) doneRef.current?.focus();
  }, [posted]);

  async function publish() {
    setPhase('busy');
    setError(null);
    try {
      const result = await publishRecap(recap.session.id);
      setPosted({ statuses: result.statuses, at: result.published_at });
      setPhase('idle');
    } catch (err) {
      setError(errorMessage(err));
      setPhase('idle');
    }
  }

  if (!host && !publishedAt) return null;
  const head = thread[0];
  return (
    <section className="publish-recap" aria-labelledby="publish-title">
      <h2 id="publish-title">Recap thread</h2>
      {publishedAt ? (
        <div role="status" ref={doneRef} tabIndex={-1}>
          <p>
            Published <LocalTime iso={publishedAt} />
            {head && (
              <>
                {' '}
                by <a href={paths.profile(head.account.acct)}>@{head.account.acct}</a>
              </>
            )}
            .
          </p>
          {head && (
            <blockquote className="publish-preview">
              {/* The server sanitises status HTML; it only carries paragraphs, breaks and links. */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from the server */}
              <div className="status-content" dangerouslySetInnerHTML={{ __html: head.content }} />
              <p className="muted">
                {thread.length > 1 ? `First of ${thread.length} statuses. ` : ''}
                <a href={paths.status(head.account.acct, head.id)}>Read the thread</a>
              </p>
            </blockquote>
          )}
        </div>
      ) : (
        <p className="muted">
          {ended
            ? `Post the figures, the top answer and the transcript's link as a public thread${tag ? ` in #${tag}` : ''}, from your account.`
            : 'You can publish the recap once the session has ended.'}
        </p>
      )}
      {host && phase !== 'confirming' && (
        <button
          type="button"
          className="button button-primary"
          disabled={Boolean(publishedAt) || !ended || phase === 'busy'}
          onClick={() => setPhase('confirming')}
        >
          {publishedAt ? 'Already published' : phase === 'busy' ? 'Publishing…' : 'Publish recap thread'}
        </button>
      )}
      {host && phase === 'confirming' && (
        <fieldset className="confirm-box">
          <legend className="sr-only">Confirm publishing</legend>
          <p>
            Post the recap thread{acct ? ` from @${acct}` : ''} for everyone to see? It can be published only
            once.
          </p>
          <span className="confirm">
            <button ref={yesRef} type="button" className="button button-primary" onClick={publish}>
              Yes, publish it
            </button>
            <button type="button" className="button" onClick={() => setPhase('idle')}>
              Not now
            </button>
          </span>
        </fieldset>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
