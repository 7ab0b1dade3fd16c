import { utcToLocal } from '@hashchat/core/chat/zone-time';
import type { AccountRow } from '../store/accounts';
import type { EventRow, SessionRow } from '../store/chat-sessions';
import type { CategoryRow, ChatRow } from '../store/chats';
import { type AccountEntity, serializeAccount } from './account';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export const chatUrl = (baseUrl: string, chatId: number) => `${baseUrl}/chats/${chatId}`;
export const sessionUrl = (baseUrl: string, chatId: number, sessionId: number) =>
  `${baseUrl}/chats/${chatId}/sessions/${sessionId}`;
/** The room: where the conversation happens, the hashtag's page. */
export const roomUrl = (baseUrl: string, hashtag: string) => `${baseUrl}/tags/${encodeURIComponent(hashtag)}`;

export const serializeCategory = (c: CategoryRow) => ({ id: String(c.id), slug: c.slug, name: c.name });
export type CategoryEntity = ReturnType<typeof serializeCategory>;

export interface SessionParts {
  row: SessionRow;
  chat: ChatRow;
  guests: { account: AccountRow; badge: string }[];
  event: EventRow | null;
}

/** The Session entity: one occurrence of a chat. Instants are UTC ISO strings; `local_starts_at` is the wall time in the chat's zone. */
export function serializeSession(p: SessionParts, baseUrl: string) {
  const { row, chat } = p;
  const chatId = Number(chat.id);
  const id = Number(row.id);
  const startsAt = Number(row.starts_at);
  return {
    id: String(id),
    chat_id: String(chatId),
    chat_title: chat.title,
    hashtag: chat.hashtag,
    title: row.title ?? chat.title,
    starts_at: iso(startsAt)!,
    ends_at: iso(Number(row.ends_at))!,
    time_zone: chat.time_zone,
    local_starts_at: utcToLocal(new Date(startsAt), chat.time_zone),
    state: row.state,
    origin: row.origin,
    moved: row.original_start !== null && Number(row.original_start) !== startsAt,
    started_at: iso(row.started_at),
    ended_at: iso(row.ended_at),
    guests: p.guests.map((g) => ({ ...serializeAccount(g.account, baseUrl), badge: g.badge })),
    extra_tag: row.extra_tag,
    /** Participants may read the agenda's upcoming questions before they are asked. */
    agenda_public: Number(row.agenda_public) === 1,
    curated_threshold: row.curated_threshold === null ? null : Number(row.curated_threshold),
    event: p.event ? { id: String(p.event.id), name: p.event.name, description: p.event.description } : null,
    url: sessionUrl(baseUrl, chatId, id),
    room_url: roomUrl(baseUrl, chat.hashtag),
    calendar_url: `${baseUrl}/api/v1/sessions/${id}/calendar.ics`,
  };
}

export type SessionEntity = ReturnType<typeof serializeSession>;

export interface ChatParts {
  row: ChatRow;
  owner: AccountRow;
  coHosts: AccountRow[];
  category: CategoryRow | null;
  claimed: boolean;
  following: boolean;
  followersCount: number;
  nextSession: SessionEntity | null;
  /** `chat.<tag>@<domain>`, or null when the server does not federate. */
  fediverseHandle: string | null;
}

/** The Chat entity. `hosts` lists everyone with host powers (the owner first); `co_hosts` the others. */
export function serializeChat(p: ChatParts, baseUrl: string) {
  const { row } = p;
  const id = Number(row.id);
  const coHosts: AccountEntity[] = p.coHosts.map((a) => serializeAccount(a, baseUrl));
  return {
    id: String(id),
    hashtag: row.hashtag,
    claimed: p.claimed,
    title: row.title,
    description: row.description,
    category: p.category ? serializeCategory(p.category) : null,
    language: row.language,
    time_zone: row.time_zone,
    rules: row.rules,
    schedule: row.schedule_start_local
      ? {
          starts_at: row.schedule_start_local,
          duration_minutes: Number(row.duration_minutes),
          rrule: row.rrule,
        }
      : null,
    url: chatUrl(baseUrl, id),
    room_url: roomUrl(baseUrl, row.hashtag),
    calendar_url: `${baseUrl}/api/v1/chats/${id}/calendar.ics`,
    owner: serializeAccount(p.owner, baseUrl),
    hosts: [serializeAccount(p.owner, baseUrl), ...coHosts],
    co_hosts: coHosts,
    following: p.following,
    followers_count: p.followersCount,
    fediverse_handle: p.fediverseHandle,
    fediverse_announces: row.fediverse_announces,
    next_session: p.nextSession,
    created_at: iso(Number(row.created_at))!,
  };
}

export type ChatEntity = ReturnType<typeof serializeChat>;
