import type { Status } from '@hashchat/api/entities/status';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { RoleBadge } from '../chats/role-badge';
import { useRoomBadge } from '../chats/room-roles';
import { Composer } from '../composer/composer';
import { HiddenInPlace } from '../moderation/hidden-in-place';
import { useRoomModeration } from '../moderation/room-moderation-context';
import { StatusModeration } from '../moderation/status-moderation';
import { PollCard } from '../poll/poll-card';
import { Avatar, displayName } from './avatar';
import { ChatKindTag } from './chat-kind-tag';
import { LocalTime } from './local-time';
import { MediaGallery } from './media-gallery';
import { replyPrefill } from './reply-prefill';
import { StatusActions } from './status-actions';

export interface StatusCardProps {
  status: Status;
  /** The hashtag of the room the card is shown in; replies keep it. */
  roomTag?: string;
  onChanged(status: Status): void;
  onRemoved(id: string): void;
  onReplied?(status: Status): void;
  /** Extra controls under the actions (the host console's spotlight and moderation). */
  tools?: ReactNode;
}

function isTyping(target: EventTarget): boolean {
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function StatusCard({
  status: entry,
  roomTag,
  onChanged,
  onRemoved,
  onReplied,
  tools,
}: StatusCardProps) {
  const { account: self } = useSession();
  const [replying, setReplying] = useState(false);
  // A status one of the viewer's `warn` filters matches waits behind a notice (hidden ones never arrive).
  const [unfiltered, setUnfiltered] = useState(false);
  const articleRef = useRef<HTMLElement>(null);
  // A reblog shows the original status, credited to the person who reposted it.
  const status = entry.reblog ?? entry;
  const rebloggedBy = entry.reblog ? entry.account : null;
  const author = status.account;
  const name = displayName(author);
  // A remote author's server, linked to their profile there (their own server's page).
  const server = author.acct.includes('@') ? author.acct.slice(author.acct.indexOf('@') + 1) : null;
  // A `blur` filter leaves the text readable and puts the images behind a cover (as a sensitive
  // status's); any other that matched veils the whole status.
  const matched = status.filtered ?? [];
  const filters = matched.filter((f) => f.filter.filter_action !== 'blur').map((f) => f.filter.title);
  const blurred = matched.some((f) => f.filter.filter_action === 'blur');
  const veiled = filters.length > 0 && !unfiltered;
  const headingId = `status-${entry.id}-author`;
  // In a chat's room, its hosts, co-hosts and guests wear a badge.
  const badge = useRoomBadge(author.id);
  const role = badge?.role ?? null;
  const hidHere = useRoomModeration()?.hiddenHere?.get(status.id) === 'hidden';
  const repliedTo = status.in_reply_to_account_id
    ? (status.mentions.find((m) => m.id === status.in_reply_to_account_id) ??
      (status.in_reply_to_account_id === author.id ? { acct: author.acct } : null))
    : null;

  function closeReply() {
    setReplying(false);
    articleRef.current?.querySelector<HTMLButtonElement>('[data-action="reply"]')?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const action = event.key === 'r' ? 'reply' : event.key === 'l' ? 'like' : null;
    if (!action) return;
    event.preventDefault();
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
  }

  if (hidHere) return <HiddenInPlace status={status} />;
  return (
    <article
      ref={articleRef}
      className={role ? `status status-by-${role === 'Guest' ? 'guest' : 'host'}` : 'status'}
      data-status-id={status.id}
      tabIndex={-1}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      {rebloggedBy && (
        <p className="status-context">
          <a href={paths.profile(rebloggedBy.acct)}>{displayName(rebloggedBy)}</a> reposted
        </p>
      )}
      <header className="status-header">
        <Avatar account={author} />
        <a className="status-author" href={paths.profile(author.acct)} id={headingId}>
          <span className="status-name">{name}</span> <span className="status-acct">@{author.acct}</span>
        </a>
        {server && (
          <a
            className="status-origin"
            href={author.url}
            rel="noopener noreferrer"
            title={`@${author.acct}'s profile on ${server}`}
          >
            on {server}
          </a>
        )}
        {badge && <RoleBadge role={badge.role} label={badge.label} />}
        {entry.chat && <ChatKindTag chat={entry.chat} />}
        <a className="status-time" href={paths.status(author.acct, status.id)}>
          <LocalTime iso={status.created_at} />
        </a>
      </header>
      {repliedTo && <p className="status-context">Replying to @{repliedTo.acct}</p>}
      {veiled && (
        <p className="status-filtered">
          Filtered: {filters.join(', ')}.{' '}
          <button type="button" className="button button-quiet" onClick={() => setUnfiltered(true)}>
            Show anyway
          </button>
        </p>
      )}
      <div
        hidden={veiled}
        className="status-content"
        lang={status.language ?? undefined}
        // The server sanitises status HTML; it only carries paragraphs, breaks and links.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from the server
        dangerouslySetInnerHTML={{ __html: status.content }}
      />
      {status.media_attachments.length > 0 && !veiled && (
        <MediaGallery
          media={status.media_attachments}
          sensitive={status.sensitive || blurred}
          coverLabel={blurred && !status.sensitive ? 'Blurred by your filter' : undefined}
        />
      )}
      {status.poll && !veiled && (
        <PollCard
          poll={status.poll}
          signedIn={self !== null}
          onVoted={(poll) => onChanged({ ...status, poll })}
        />
      )}
      <StatusActions
        status={status}
        signedIn={self !== null}
        own={self !== null && self.id === author.id}
        replying={replying}
        onReply={() => setReplying((open) => !open)}
        onChanged={onChanged}
        onRemoved={onRemoved}
        extra={
          <>
            <StatusModeration status={entry} />
            {tools}
          </>
        }
      />
      {replying && self && (
        <Composer
          label={`Reply to @${author.acct}`}
          tag={roomTag}
          initialText={replyPrefill(status, self.id)}
          inReplyToId={status.id}
          submitLabel="Post reply"
          autoFocus
          onCancel={closeReply}
          onPosted={(reply) => {
            closeReply();
            onChanged({ ...status, replies_count: status.replies_count + 1 });
            onReplied?.(reply);
          }}
        />
      )}
    </article>
  );
}
