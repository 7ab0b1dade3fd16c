import type { DirectoryEntry } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';
import { displayName } from '../status/avatar';
import { languageName } from './languages';
import { SessionTime } from './session-time';

/** One session in the directory: the chat, its hashtag, when it starts in the viewer's time, its hosts. */
export function ChatEntry({ entry, now }: { entry: DirectoryEntry; now: Date }) {
  const { chat, session } = entry;
  const headingId = `entry-${session.id}-title`;
  const facts = [chat.category?.name, chat.language ? languageName(chat.language) : null].filter(Boolean);
  const sessionTitle = session.title && session.title !== chat.title ? session.title : null;
  return (
    <article className="chat-entry" aria-labelledby={headingId}>
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
        {session.state === 'live' ? (
          <a href={paths.room(chat.hashtag)} className="live-pill">
            Live now · join the room
          </a>
        ) : (
          <SessionTime session={session} now={now} />
        )}
      </p>
      {chat.hosts.length > 0 && (
        <p className="chat-entry-hosts">Hosted by {chat.hosts.map((h) => displayName(h)).join(', ')}</p>
      )}
    </article>
  );
}
