import type { DirectoryEntry } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';
import { displayName } from '../status/avatar';
import { languageName } from './languages';
import { SessionTime } from './session-time';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One session in the directory: the chat, its hashtag, when it starts in the viewer's time, its hosts.
 * With `join` (the home page), also its follower count and a primary Join button into its room.
 */
export function ChatEntry({
  entry,
  now,
  join = false,
}: {
  entry: DirectoryEntry;
  now: Date;
  join?: boolean;
}) {
  const { chat, session } = entry;
  const headingId = `entry-${session.id}-title`;
  const live = session.state === 'live';
  const facts = [
    join ? plural(chat.followers_count, 'follower', 'followers') : null,
    chat.category?.name,
    chat.language ? languageName(chat.language) : null,
  ].filter(Boolean);
  const sessionTitle = session.title && session.title !== chat.title ? session.title : null;
  const text = (
    <>
      <h3 className="chat-entry-title" id={headingId}>
        <a href={paths.chat(chat.id)}>{chat.title}</a>
      </h3>
      {sessionTitle && <p className="chat-entry-session">{sessionTitle}</p>}
      <p className="chat-entry-tag">
        <a href={paths.room(chat.hashtag)} className="chat-hashtag">
          #{chat.hashtag}
        </a>
        {facts.length > 0 && <span className="chat-facts"> · {facts.join(' · ')}</span>}
      </p>
      <p className="chat-entry-when">
        {live && !join ? (
          <a href={paths.room(chat.hashtag)} className="live-pill">
            Live now · join the room
          </a>
        ) : (
          <>
            {live && <span className="state-pill state-live">Live</span>}{' '}
            <SessionTime session={session} now={now} />
          </>
        )}
      </p>
      {chat.hosts.length > 0 && (
        <p className="chat-entry-hosts">Hosted by {chat.hosts.map((h) => displayName(h)).join(', ')}</p>
      )}
    </>
  );
  if (!join)
    return (
      <article className="chat-entry" aria-labelledby={headingId}>
        {text}
      </article>
    );
  return (
    <article className="chat-entry live-card" aria-labelledby={headingId}>
      <div className="live-card-text">{text}</div>
      <a
        href={paths.room(chat.hashtag)}
        className="button button-primary live-card-join"
        aria-label={`Join ${chat.title}`}
      >
        Join
      </a>
    </article>
  );
}
