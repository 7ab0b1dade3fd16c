import type {
  LoggedAction,
  ModerationQueue,
  ModerationSettings,
  ModerationStats,
  Report,
  SlowMode,
} from '@hashchat/api/entities/moderation';
import type { ModerationSettingsBody } from '@hashchat/api/requests/moderation';
import { api, apiPage } from './http';
import type { Page } from './page';
import type { ReportInput, RoomActionInput } from './request-types';

const sessionPath = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;
const chatPath = (id: string) => `/api/v1/chats/${encodeURIComponent(id)}`;

export const LOG_PAGE_SIZE = 40;

/** One moderator action on a session's room (and its chat); answers the logged action. */
export function moderateRoom(sessionId: string, input: RoomActionInput): Promise<LoggedAction> {
  return api<LoggedAction>(`${sessionPath(sessionId)}/moderation`, { method: 'POST', body: input });
}

/** The chat's moderation log, newest first. */
export function moderationLog(sessionId: string, maxId?: string): Promise<Page<LoggedAction>> {
  return apiPage<LoggedAction>(`${sessionPath(sessionId)}/moderation`, {
    query: { max_id: maxId, limit: LOG_PAGE_SIZE },
  });
}

/** Held statuses, open reports and pending town-hall questions, oldest first. */
export function moderationQueue(sessionId: string): Promise<ModerationQueue> {
  return api<ModerationQueue>(`${sessionPath(sessionId)}/moderation/queue`, { query: { limit: 80 } });
}

export function getModerationSettings(chatId: string): Promise<ModerationSettings> {
  return api<ModerationSettings>(`${chatPath(chatId)}/moderation_settings`);
}

/** Changes only the fields sent (`word_filter: []` clears the filter). */
export function updateModerationSettings(
  chatId: string,
  patch: ModerationSettingsBody,
): Promise<ModerationSettings> {
  return api<ModerationSettings>(`${chatPath(chatId)}/moderation_settings`, { method: 'PATCH', body: patch });
}

/** A chat's slow mode, with when the viewer may post in its room again. */
export function getSlowMode(chatId: string): Promise<SlowMode> {
  return api<SlowMode>(`${chatPath(chatId)}/slow_mode`);
}

/** Public counts of a chat's moderation. */
export function moderationStats(chatId: string): Promise<ModerationStats> {
  return api<ModerationStats>(`${chatPath(chatId)}/moderation_stats`);
}

/** Reports a status (or an account) to the chat's hosts. */
export function fileReport(chatId: string, input: ReportInput): Promise<Report> {
  return api<Report>(`${chatPath(chatId)}/reports`, { method: 'POST', body: input });
}

export function resolveReport(id: string, resolution: string): Promise<Report> {
  return api<Report>(`/api/v1/reports/${encodeURIComponent(id)}/resolve`, {
    method: 'POST',
    body: { resolution },
  });
}

/** Sends a report about a remote account on to its server (moderators; the reporter is not named there). */
export function forwardReport(id: string): Promise<Report> {
  return api<Report>(`/api/v1/reports/${encodeURIComponent(id)}/forward`, { method: 'POST' });
}
