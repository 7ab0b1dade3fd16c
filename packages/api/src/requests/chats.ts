import { isValidTimeZone } from '@hashchat/core/chat/zone-time';
import { z } from 'zod';
import { formBool, pageParams, userText } from './fields';

// What the chat routes take: chats, sessions and event series, co-hosts, categories, the
// directory, preferences and the chat stream. JSON, form and multipart alike: the server folds
// a form's `schedule[starts_at]` into `{schedule: {starts_at}}` before parsing.

const nullableText = (max: number) =>
  userText()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v));

const minutes = z.coerce
  .number<number | string>()
  .int()
  .min(1)
  .max(7 * 24 * 60);
const language = z.string().regex(/^[a-z]{2,3}$/, 'is not a valid ISO 639 code');
const dateTime = z.string().min(1).max(40);

export const scheduleSchema = z
  .object({
    starts_at: dateTime,
    duration_minutes: minutes.default(60),
    rrule: nullableText(500),
  })
  .transform((s) => ({
    startsAt: s.starts_at,
    durationMinutes: s.duration_minutes,
    rrule: s.rrule ?? null,
  }));

const guestSchema = z.union([
  z
    .object({
      account_id: z.coerce.number<number | string>().int().positive(),
      badge: userText().max(40).optional().nullable(),
    })
    .transform((g) => ({ accountId: g.account_id, badge: g.badge ?? null })),
  z.coerce
    .number<number | string>()
    .int()
    .positive()
    .transform((id) => ({ accountId: id, badge: null })),
]);

const guestsSchema = z
  .union([z.array(guestSchema).max(20), guestSchema])
  .transform((g) => (Array.isArray(g) ? g : [g]));

export const chatCreateSchema = z.object({
  hashtag: z.string().min(1).max(101),
  title: userText().trim().min(1).max(200),
  description: userText().max(5000).default(''),
  category: z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined || v === null || v === '' ? null : String(v))),
  language: language.default('en'),
  time_zone: z.string().min(1).max(64),
  rules: userText().max(5000).default(''),
  schedule: scheduleSchema.optional().nullable(),
});

export const chatPatchSchema = z.object({
  title: userText().trim().min(1).max(200).optional(),
  description: userText().max(5000).optional(),
  category: z
    .union([z.string(), z.number()])
    .optional()
    .nullable()
    .transform((v) => (v === undefined ? undefined : v === null || v === '' ? null : String(v))),
  language: language.optional(),
  time_zone: z.string().min(1).max(64).optional(),
  rules: userText().max(5000).optional(),
  schedule: scheduleSchema.optional().nullable(),
  fediverse_announces: z.enum(['all', 'questions']).optional(),
  hashtag: z.never({ error: 'cannot be changed; create a new chat for another hashtag' }).optional(),
});

const sessionFields = {
  title: nullableText(200),
  starts_at: dateTime,
  ends_at: dateTime.optional().nullable(),
  duration_minutes: minutes.optional(),
  guests: guestsSchema.default([]),
  extra_tag: nullableText(101),
};

const toSessionInput = (s: z.infer<z.ZodObject<typeof sessionFields>>) => ({
  title: s.title ?? null,
  startsAt: s.starts_at,
  endsAt: s.ends_at ?? null,
  durationMinutes: s.duration_minutes ?? null,
  guests: s.guests,
  extraTag: s.extra_tag ?? null,
});

export const sessionCreateSchema = z
  .object({
    ...sessionFields,
    event_id: z.coerce.number<number | string>().int().positive().optional().nullable(),
  })
  .transform((s) => ({ ...toSessionInput(s), eventId: s.event_id ?? null }));

export const eventCreateSchema = z.object({
  name: userText().trim().min(1).max(200),
  description: userText().max(5000).default(''),
  sessions: z.array(z.object(sessionFields).transform(toSessionInput)).min(1).max(50),
});

/**
 * Above how many people in the room the web app shows the session's curated stream (its
 * highlights) rather than every status; null (or an empty value) never.
 */
const curatedThreshold = z
  .union([z.null(), z.literal(''), z.coerce.number<number | string>().int().min(0).max(1_000_000_000)])
  .transform((v) => (v === null || v === '' ? null : v));

export const sessionPatchSchema = z
  .object({
    title: nullableText(200),
    starts_at: dateTime.optional(),
    ends_at: dateTime.optional(),
    guests: guestsSchema.optional(),
    extra_tag: nullableText(101),
    agenda_public: formBool.optional(),
    curated_threshold: curatedThreshold.optional(),
  })
  .transform((p) => ({
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.starts_at !== undefined ? { startsAt: p.starts_at } : {}),
    ...(p.ends_at !== undefined ? { endsAt: p.ends_at } : {}),
    ...(p.guests !== undefined ? { guests: p.guests } : {}),
    ...(p.extra_tag !== undefined ? { extraTag: p.extra_tag } : {}),
    ...(p.agenda_public !== undefined ? { agendaPublic: p.agenda_public } : {}),
    ...(p.curated_threshold !== undefined ? { curatedThreshold: p.curated_threshold } : {}),
  }));

export const chatListQuery = pageParams.extend({
  state: z.enum(['all', 'live', 'upcoming']).default('all'),
  category: z.string().max(100).optional(),
  language: z.string().max(10).optional(),
  q: z.string().max(200).optional(),
  host_id: z.coerce.number().int().positive().optional(),
  following: formBool.optional(),
});

export const chatTagParams = z.object({ tag: z.string().min(1).max(200) });

export const directoryQuery = z.object({
  category: z.string().max(100).optional(),
  language: z.string().max(10).optional(),
  q: z.string().max(200).optional(),
  time_zone: z.string().max(64).refine(isValidTimeZone, 'is not a known IANA time zone').default('UTC'),
  days: z.coerce.number().int().min(1).max(31).default(7),
  soon_minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});
/** What a client may ask the directory for (typed as parsed: `days` a number, not the digits of the query string). */
export type DirectoryQuery = Partial<z.output<typeof directoryQuery>>;

export const sessionListQuery = z.object({
  state: z.enum(['scheduled', 'live', 'ended', 'cancelled', 'upcoming', 'past']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  /** The `cursor` of the Link header's next page. */
  cursor: z
    .string()
    .regex(/^\d{1,16}\.\d{1,18}$/, 'is not a cursor from a Link header')
    .transform((c) => {
      const [startsAt, id] = c.split('.').map(Number);
      return { startsAt, id };
    })
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .transform((n) => Math.min(n, 100)),
});

export const coHostBody = z.object({ account_id: z.coerce.number().int().positive() });
export const coHostParams = z.object({
  id: z.coerce.number().int().positive(),
  account_id: z.coerce.number().int().positive(),
});

const categoryName = userText().trim().min(1).max(80);
export const categoryCreateBody = z.object({ name: categoryName, slug: z.string().max(60).optional() });
export const categoryRenameBody = z.object({ name: categoryName });

/** The earliest reminder before a session, in minutes (0: only when it goes live). */
export const MAX_REMINDER_MINUTES = 1440;

export const chatPreferencesBody = z.object({
  reminder_minutes: z.coerce.number().int().min(0).max(MAX_REMINDER_MINUTES).optional(),
});

/** The file of a calendar feed (`<token>.ics`; the URL is the credential). */
export const calendarFeedParams = z.object({ file: z.string() });

const streamId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,18}$/, `is not a ${what} id`)
    .transform(Number);

/**
 * Either a chat (its sessions and changes) or a session (its room); with `curated=true`, the
 * session's highlights instead of every status (the curated stream).
 */
export const chatStreamQuery = z
  .object({
    chat_id: streamId('chat').optional(),
    session_id: streamId('session').optional(),
    curated: formBool.optional(),
  })
  .refine(
    (q) => (q.chat_id === undefined) !== (q.session_id === undefined),
    'give either chat_id or session_id',
  )
  .refine((q) => !q.curated || q.session_id !== undefined, 'curated needs session_id');

/** What a client sends to create a chat (the web app's chat form). */
export type ChatCreateBody = z.input<typeof chatCreateSchema>;
/** What a client sends to change a chat: only the fields that change. */
export type ChatPatchBody = z.input<typeof chatPatchSchema>;
export type SessionCreateBody = z.input<typeof sessionCreateSchema>;
export type SessionPatchBody = z.input<typeof sessionPatchSchema>;
