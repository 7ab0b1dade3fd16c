import type { ChatSession } from '@hashchat/api/entities/chat';
import { paths } from '../../app/routes';

/** Where a status of a chat's room was posted: the room (or the chat), and the transcript once over. */
export function SessionRoomLink({ session }: { session: ChatSession }) {
  const where = session.chat_title ?? session.title;
  return (
    <p className="thread-room">
      Posted in{' '}
      {session.hashtag ? (
        <a href={paths.room(session.hashtag)}>the #{session.hashtag} room</a>
      ) : (
        <a href={paths.chat(session.chat_id)}>the room of “{where}”</a>
      )}
      {session.title !== where ? ` during “${session.title}”` : ''}.
      {session.state === 'live' && <span className="state-pill state-live">Live now</span>}
      {session.state === 'ended' && (
        <>
          {' '}
          <a href={paths.recap(session.id)}>Recap</a> · <a href={paths.transcript(session.id)}>Transcript</a>
        </>
      )}
    </p>
  );
}
