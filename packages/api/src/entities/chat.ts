import { z } from 'zod';
import { accountSchema } from './account';
import { id, instant } from './common';

/** Entities of the chat API (our extension). */

export const sessionStateSchema = z.enum(['scheduled', 'live', 'ended', 'cancelled']);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const chatCategorySchema = z
  .object({ id: id(), slug: z.string(), name: z.string() })
  .meta({ id: 'ChatCategory' });
export type ChatCategory = z.infer<typeof chatCategorySchema>;

/** A guest of a session: an account with the badge the host gave it ("Guest expert"). */
export const sessionGuestSchema = accountSchema.extend({ badge: z.string() }).meta({ id: 'SessionGuest' });
export type SessionGuest = z.infer<typeof sessionGuestSchema>;

/** One occurrence of a chat. Instants are UTC; `local_starts_at` is the wall time in the chat's zone. */
export const chatSessionSchema = z
  .object({
    id: id(),
    chat_id: id(),
    chat_title: z.string(),
    hashtag: z.string(),
    title: z.string(),
    starts_at: instant(),
    ends_at: instant(),
    /** The chat's home zone (IANA). */
    time_zone: z.string(),
    /** Wall time in the chat's zone, "2027-10-19T20:00". */
    local_starts_at: z.string(),
    state: sessionStateSchema,
    origin: z.string(),
    /** Moved from the time its schedule gave it. */
    moved: z.boolean(),
    started_at: instant().nullable(),
    ended_at: instant().nullable(),
    guests: z.array(sessionGuestSchema),
    extra_tag: z.string().nullable(),
    /** Participants may read the agenda's upcoming questions before they are asked. */
    agenda_public: z.boolean(),
    /**
     * Above how many people in the room the web app shows the session's curated stream (the
     * highlights) rather than every status; null: never.
     */
    curated_threshold: z.number().int().nullable(),
    event: z.object({ id: id(), name: z.string(), description: z.string() }).nullable(),
    url: z.string(),
    room_url: z.string(),
    calendar_url: z.string(),
  })
  .meta({ id: 'Session' });
export type ChatSession = z.infer<typeof chatSessionSchema>;

export const chatScheduleSchema = z.object({
  /** Local date-time in the chat's zone, "2027-10-19T20:00". */
  starts_at: z.string(),
  duration_minutes: z.number().int(),
  rrule: z.string().nullable(),
});
export type ChatSchedule = z.infer<typeof chatScheduleSchema>;

/** A recurring chat, bound to its hashtag. `hosts` lists everyone with host powers, the owner first. */
export const chatSchema = z
  .object({
    id: id(),
    hashtag: z.string(),
    /** Whether the chat holds its hashtag (an admin may release it). */
    claimed: z.boolean(),
    title: z.string(),
    description: z.string(),
    category: chatCategorySchema.nullable(),
    language: z.string(),
    time_zone: z.string(),
    rules: z.string(),
    schedule: chatScheduleSchema.nullable(),
    url: z.string(),
    room_url: z.string(),
    calendar_url: z.string(),
    owner: accountSchema,
    hosts: z.array(accountSchema),
    co_hosts: z.array(accountSchema),
    following: z.boolean(),
    followers_count: z.number().int(),
    /**
     * The chat's handle on the fediverse (`chat.<hashtag>@<domain>`): any fediverse account can
     * follow it. Null when the server does not federate.
     */
    fediverse_handle: z.string().nullable(),
    /** What the chat's Group shares with its fediverse followers: every status of a live session, or only the questions. */
    fediverse_announces: z.enum(['all', 'questions']),
    next_session: chatSessionSchema.nullable(),
    created_at: instant(),
  })
  .meta({ id: 'Chat' });
export type Chat = z.infer<typeof chatSchema>;

/** A chat's page: the chat with its next sessions and its latest past ones. */
export const chatPageSchema = chatSchema
  .extend({ upcoming_sessions: z.array(chatSessionSchema), past_sessions: z.array(chatSessionSchema) })
  .meta({ id: 'ChatPage' });
export type ChatPage = z.infer<typeof chatPageSchema>;

export const directoryEntrySchema = z.object({ session: chatSessionSchema, chat: chatSchema });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** The directory in sections; `upcoming` is grouped by local day ("2027-10-19") in `time_zone`. */
export const directorySchema = z
  .object({
    generated_at: instant(),
    time_zone: z.string(),
    live: z.array(directoryEntrySchema),
    starting_soon: z.array(directoryEntrySchema),
    upcoming: z.array(z.object({ date: z.string(), sessions: z.array(directoryEntrySchema) })),
    /** The next session of each chat with none sooner, after the `days` window, however far off. */
    later: z.array(directoryEntrySchema),
  })
  .meta({ id: 'Directory' });
export type Directory = z.infer<typeof directorySchema>;

export const chatPreferencesSchema = z
  .object({
    /** Minutes before a session's start to be reminded; 0: only the "live now" reminder. */
    reminder_minutes: z.number().int(),
  })
  .meta({ id: 'ChatPreferences' });
export type ChatPreferences = z.infer<typeof chatPreferencesSchema>;

/** The viewer's calendar feed (the secret URL of all sessions of followed chats). */
export const calendarFeedSchema = z.object({ url: z.string() }).meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
