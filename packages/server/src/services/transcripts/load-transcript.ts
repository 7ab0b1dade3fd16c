import { buildTranscript, type Transcript } from '@hashchat/core/chat/transcript';
import type { Context } from '../../context';
import { mediaStorage } from '../../media/media-storage';
import { accountEntities } from '../../present/account';
import type { SessionEntity } from '../../present/chat';
import { presentMediaAttachment } from '../../present/media-attachment';
import { presentPoll } from '../../present/poll';
import type { RoomStatusEntity } from '../../present/room-status';
import { serializeStatus } from '../../present/status';
import { type QuestionIndexEntity, type SessionRoles, transcriptChat } from '../../present/transcript';
import { type AccountRow, findAccountsByIds } from '../../store/accounts';
import type { SessionRow } from '../../store/chat-sessions';
import { type ChatRow, coHostsForChats } from '../../store/chats';
import { type PollView, pollsOfSession } from '../../store/polls';
import { type RoomStatusRow, roomMedia, roomMentions, roomStatuses, roomTags } from '../../store/transcripts';
import { loadSession } from '../chats/access';
import { presentSessions } from '../chats/views';

export interface TranscriptEntry {
  id: string;
  kind: RoomStatusEntity['chat']['kind'];
  questionNumber: number | null;
  createdAt: number;
  status: RoomStatusEntity;
}

/** Everything a transcript, its exports and its recap are made from, loaded once. */
export interface TranscriptDocument {
  sessionRow: SessionRow;
  chat: ChatRow;
  session: SessionEntity;
  /** The owner and co-hosts, as account ids. */
  hostIds: Set<string>;
  roles: SessionRoles;
  /** Ended: nothing but late replies will be added. */
  final: boolean;
  /** Every visible status in time order. */
  statuses: RoomStatusEntity[];
  transcript: Transcript<TranscriptEntry>;
  questions: QuestionIndexEntity[];
  rows: RoomStatusRow[];
  mentions: Map<number, number[]>;
  accounts: Map<number, AccountRow>;
  generatedAt: number;
}

const CHUNK = 1000;

/** A room poll as anyone reads it: counts, no one's vote. */
const pollOf = (view: PollView | undefined, now: number) => (view ? presentPoll(view, now, false) : null);

async function accountsInChunks(ctx: Context, ids: number[]): Promise<Map<number, AccountRow>> {
  const unique = [...new Set(ids)];
  const out = new Map<number, AccountRow>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    for (const [id, row] of await findAccountsByIds(ctx.store.db, unique.slice(i, i + CHUNK)))
      out.set(id, row);
  }
  return out;
}

/**
 * Loads a session's whole public transcript in a fixed number of queries (statuses, tags,
 * mentions, images, polls, accounts by chunks of 1,000, the session and its hosts), then arranges it.
 * Status entities are as a logged-out reader sees them.
 */
export async function loadTranscript(ctx: Context, sessionId: number): Promise<TranscriptDocument> {
  const db = ctx.store.db;
  const { session: sessionRow, chat } = await loadSession(db, sessionId);
  const chatId = Number(chat.id);
  const [rows, tags, mentions, coHosts, [session], media, polls] = await Promise.all([
    roomStatuses(db, sessionId),
    roomTags(db, sessionId),
    roomMentions(db, sessionId),
    coHostsForChats(db, [chatId]),
    presentSessions(ctx, [sessionRow], db, new Map([[chatId, chat]])),
    roomMedia(db, sessionId),
    pollsOfSession(db, sessionId),
  ]);
  const now = ctx.now();
  const storage = mediaStorage(ctx.config);
  const roles: SessionRoles = {
    ownerId: String(chat.owner_id),
    coHostIds: new Set((coHosts.get(chatId) ?? []).map(String)),
    guestIds: new Set(session.guests.map((g) => g.id)),
  };
  const accountIds = rows.map((r) => Number(r.account_id));
  for (const list of mentions.values()) accountIds.push(...list);
  const accounts = await accountsInChunks(ctx, accountIds);
  const base = ctx.config.publicUrl;
  // One Account entity per author, shared by all their statuses.
  const accountEntity = accountEntities(base);

  const statuses: RoomStatusEntity[] = [];
  const entries: TranscriptEntry[] = [];
  for (const row of rows) {
    const account = accounts.get(Number(row.account_id));
    if (!account) continue;
    const id = Number(row.id);
    const entity = serializeStatus(
      {
        row,
        account,
        tags: tags.get(id) ?? [],
        mentions: (mentions.get(id) ?? []).map((a) => accounts.get(a)).filter((a) => a !== undefined),
        favourited: false,
        reblogged: false,
        reblog: null,
        media: (media.get(id) ?? []).map((m) => presentMediaAttachment(m, storage)),
        poll: pollOf(polls.get(id), now),
      },
      base,
      accountEntity(account),
    );
    const status: RoomStatusEntity = { ...entity, chat: transcriptChat(row, sessionId, roles) };
    statuses.push(status);
    entries.push({
      id: status.id,
      kind: status.chat.kind,
      questionNumber: status.chat.question_number,
      createdAt: Number(row.created_at),
      status,
    });
  }
  const transcript = buildTranscript(entries);
  statuses.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || Number(a.id) - Number(b.id));
  const questionText = new Map(rows.filter((r) => r.kind === 'question').map((r) => [String(r.id), r.text]));
  const questions: QuestionIndexEntity[] = transcript.questions.map((q) => ({
    question_number: q.questionNumber,
    status_id: q.question?.id ?? null,
    text: q.question ? (questionText.get(q.question.id) ?? null) : null,
    answers_count: q.answers.length,
  }));
  return {
    sessionRow,
    chat,
    session,
    hostIds: new Set([roles.ownerId, ...roles.coHostIds]),
    roles,
    final: sessionRow.state === 'ended',
    statuses,
    transcript,
    questions,
    rows,
    mentions,
    accounts,
    generatedAt: now,
  };
}
