import type { ChatSession } from '@hashchat/api/entities/chat';
import type { Acknowledgement, LiveState, Question } from '@hashchat/api/entities/live';
import type { Status } from '@hashchat/api/entities/status';
import type { SessionPatchBody } from '@hashchat/api/requests/chats';
import { api, apiPage } from './http';
import type { Page } from './page';
import type { QuestionInput, QuestionPatch } from './request-types';

export const ROOM_PAGE_SIZE = 40;

const sessionPath = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;
const questionPath = (id: string) => `/api/v1/questions/${encodeURIComponent(id)}`;

/** Which statuses of the room to read: all, the hosts' and guests', or one question's thread. */
export type RoomFilter = { only: 'all' } | { only: 'hosts' } | { only: 'question'; number: number };

/**
 * One page of a session's room, newest first; every status carries its `chat` classification.
 * In the console (hosts only) it also holds hidden, muted and pending statuses.
 */
export function roomTimeline(
  sessionId: string,
  filter: RoomFilter,
  maxId?: string,
  options: { console?: boolean; curated?: boolean } = {},
): Promise<Page<Status>> {
  return apiPage<Status>(`${sessionPath(sessionId)}/room`, {
    query: {
      // Highlights: the whole room's statuses that its curated stream carried.
      only:
        filter.only === 'hosts' ? 'hosts' : filter.only === 'all' && options.curated ? 'curated' : undefined,
      question: filter.only === 'question' ? filter.number : undefined,
      console: options.console ? 'true' : undefined,
      max_id: maxId,
      limit: ROOM_PAGE_SIZE,
    },
  });
}

export function getLiveState(sessionId: string): Promise<LiveState> {
  return api<LiveState>(`${sessionPath(sessionId)}/live`);
}

/** The agenda as the viewer may see it: hosts get every item, participants what is published (and what is to come when the agenda is public). */
export function listQuestions(sessionId: string): Promise<Question[]> {
  return api<Question[]>(`${sessionPath(sessionId)}/questions`);
}

export function createQuestion(sessionId: string, input: QuestionInput): Promise<Question> {
  return api<Question>(`${sessionPath(sessionId)}/questions`, { method: 'POST', body: input });
}

export function updateQuestion(id: string, patch: QuestionPatch): Promise<Question> {
  return api<Question>(questionPath(id), { method: 'PATCH', body: patch });
}

export function deleteQuestion(id: string): Promise<unknown> {
  return api<unknown>(questionPath(id), { method: 'DELETE' });
}

/** Puts the agenda in this order (every id of the session's agenda). */
export function reorderQuestions(sessionId: string, ids: string[]): Promise<Question[]> {
  return api<Question[]>(`${sessionPath(sessionId)}/questions/reorder`, { method: 'POST', body: { ids } });
}

/** Publishes a question now; publishing it again answers with the same status. */
export function publishQuestion(id: string): Promise<Question> {
  return api<Question>(`${questionPath(id)}/publish`, { method: 'POST' });
}

export function skipQuestion(id: string): Promise<Question> {
  return api<Question>(`${questionPath(id)}/skip`, { method: 'POST' });
}

/**
 * Publishes the next item of the agenda (the host's Next). `expectedId` is the item the
 * console shows as next: a repeated press after it went out returns it rather than
 * publishing the one after.
 */
export function publishNext(sessionId: string, expectedId?: string): Promise<Question> {
  return api<Question>(`${sessionPath(sessionId)}/next`, {
    method: 'POST',
    body: expectedId ? { expected_id: expectedId } : {},
  });
}

export function spotlight(sessionId: string, statusId: string): Promise<unknown> {
  return api<unknown>(`${sessionPath(sessionId)}/spotlight`, {
    method: 'POST',
    body: { status_id: statusId },
  });
}

export function unspotlight(sessionId: string, statusId: string): Promise<unknown> {
  return api<unknown>(`${sessionPath(sessionId)}/spotlight/${encodeURIComponent(statusId)}`, {
    method: 'DELETE',
  });
}

/** Participants who posted and have had no reply or like from a host yet (hosts only). */
export function listAcknowledgements(sessionId: string): Promise<Acknowledgement[]> {
  return api<Acknowledgement[]>(`${sessionPath(sessionId)}/acknowledgements`);
}

/** Above how many people in the room it shows highlights (null: never); answers the session. */
export function setCuratedThreshold(sessionId: string, threshold: number | null): Promise<ChatSession> {
  const body: SessionPatchBody = { curated_threshold: threshold };
  return api<ChatSession>(sessionPath(sessionId), { method: 'PATCH', body });
}

export function setAgendaPublic(sessionId: string, agendaPublic: boolean): Promise<unknown> {
  return api<unknown>(sessionPath(sessionId), { method: 'PATCH', body: { agenda_public: agendaPublic } });
}

/** One session (with its chat's id, title and hashtag). */
export function getChatSession(id: string): Promise<ChatSession> {
  return api<ChatSession>(sessionPath(id));
}
