import type {
  Submission,
  SubmissionSort,
  SubmissionState,
  TownHall,
} from '@hashchat/api/entities/moderation';
import { api } from './http';

const sessionPath = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;
const submissionPath = (id: string) => `/api/v1/submissions/${encodeURIComponent(id)}`;

export function getTownHall(sessionId: string): Promise<TownHall> {
  return api<TownHall>(`${sessionPath(sessionId)}/town_hall`);
}

export function setTownHall(
  sessionId: string,
  patch: { town_hall?: boolean; submission_marker?: string | null },
): Promise<TownHall> {
  return api<TownHall>(`${sessionPath(sessionId)}/town_hall`, { method: 'PUT', body: patch });
}

/**
 * The session's questions: approved, answering and answered ones plus the viewer's own; every
 * state for moderators (or only `state`).
 */
export function listSubmissions(
  sessionId: string,
  sort: SubmissionSort,
  options: { state?: SubmissionState; limit?: number } = {},
): Promise<Submission[]> {
  return api<Submission[]>(`${sessionPath(sessionId)}/submissions`, {
    query: { sort, state: options.state, limit: options.limit ?? 80 },
  });
}

export function submitQuestion(sessionId: string, text: string): Promise<Submission> {
  return api<Submission>(`${sessionPath(sessionId)}/submissions`, { method: 'POST', body: { text } });
}

/** Adds (or takes back) the viewer's one vote; answers the question with its new count. */
export function setVote(id: string, on: boolean): Promise<Submission> {
  return api<Submission>(`${submissionPath(id)}/vote`, { method: on ? 'POST' : 'DELETE' });
}

export type CurationStep = 'approve' | 'dismiss' | 'answering' | 'answered';

/** A moderator's step on a question: approve, dismiss (reason), mark answering, mark answered (answer status). */
export function curateSubmission(
  id: string,
  step: CurationStep,
  body: { reason?: string; status_id?: string } = {},
): Promise<Submission> {
  return api<Submission>(`${submissionPath(id)}/${step}`, { method: 'POST', body });
}

/** Merges a near-duplicate into another question; answers the question merged into. */
export function mergeSubmission(id: string, intoId: string, reason: string): Promise<Submission> {
  return api<Submission>(`${submissionPath(id)}/merge`, {
    method: 'POST',
    body: { into_id: intoId, reason },
  });
}
