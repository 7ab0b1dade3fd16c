import type { Context } from '../../context';
import type { SessionEntity } from '../../present/chat';
import { chatActivity } from '../../store/transcripts';
import { loadChat } from '../chats/access';
import { presentSessions } from '../chats/views';

export interface SessionStats {
  session: SessionEntity;
  statuses_count: number;
  participants_count: number;
  new_participants_count: number;
  returning_participants_count: number;
}

/**
 * Every live or ended session of a chat side by side, oldest first: statuses, participants,
 * and how many of them had never posted in an earlier session. `limit` keeps the latest.
 */
export async function chatStats(ctx: Context, chatId: number, limit: number) {
  const db = ctx.store.db;
  const chat = await loadChat(db, chatId);
  const { sessions, activity } = await chatActivity(db, chatId);
  const bySession = new Map<number, { account_id: number; statuses_count: number }[]>();
  for (const a of activity) {
    const list = bySession.get(a.session_id) ?? [];
    list.push(a);
    bySession.set(a.session_id, list);
  }
  const seen = new Set<number>();
  const figures = sessions.map((s) => {
    const list = bySession.get(Number(s.id)) ?? [];
    const fresh = list.filter((a) => !seen.has(a.account_id)).length;
    for (const a of list) seen.add(a.account_id);
    return {
      statuses_count: list.reduce((n, a) => n + a.statuses_count, 0),
      participants_count: list.length,
      new_participants_count: fresh,
      returning_participants_count: list.length - fresh,
    };
  });
  const shown = sessions.slice(-limit);
  const entities = await presentSessions(ctx, shown, db, new Map([[chatId, chat]]));
  const offset = sessions.length - shown.length;
  return {
    chat_id: String(chatId),
    hashtag: chat.hashtag,
    sessions: entities.map((session, i): SessionStats => ({ session, ...figures[offset + i] })),
    definitions: {
      participants: 'Distinct authors of visible statuses of the session.',
      new_participants: 'Participants with no visible status in an earlier session of this chat.',
    },
  };
}
