import { chatTopic, sessionTopic } from '@hashchat/api/topics';
import type { Kysely } from 'kysely';
import type { Context } from '../../context';
import type { SessionRow } from '../../store/chat-sessions';
import type { ChatRow } from '../../store/chats';
import type { NewEvent } from '../../store/events';
import type { Database } from '../../store/schema';
import { presentSessions } from './views';

/** A `chat.session` event carrying the Session entity as it is now (inside the write's transaction). */
export async function sessionChangedEvent(
  ctx: Context,
  db: Kysely<Database>,
  session: SessionRow,
  chat: ChatRow,
): Promise<NewEvent> {
  const [entity] = await presentSessions(ctx, [session], db, new Map([[Number(chat.id), chat]]));
  return {
    event: 'chat.session',
    payload: JSON.stringify(entity),
    accountId: null,
    topics: [chatTopic(Number(chat.id)), sessionTopic(Number(session.id))],
  };
}
