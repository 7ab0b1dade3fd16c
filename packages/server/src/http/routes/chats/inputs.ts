import { formBool, userText } from '@hashchat/api/requests/fields';
import { z } from 'zod';
import type { GuestInput, ScheduleInput, SessionInput } from '../../../services/chats/inputs';

/**
 * Request bodies of the chat API, one schema each (JSON, form and multipart alike: forms send
 * `schedule[starts_at]`, which `nestBrackets` turns into `{schedule: {starts_at}}`).
 */

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Folds bracketed keys (`a[b]`, `a[0][b]`) into nested objects and arrays; other keys are kept. */
export function nestBrackets(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || Buffer.isBuffer(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const m = /^([^[\]]+)((?:\[[^[\]]+\])+)$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]+)\]/g)].map((x) => x[1])];
    if (path.some((p) => UNSAFE.has(p))) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (!next || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return arraysFromIndexes(out);
}

// {"0": a, "1": b} → [a, b], all the way down.
function arraysFromIndexes(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => [k, arraysFromIndexes(x)] as const,
  );
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, x]) => x);
  }
  return Object.fromEntries(entries);
}

const nullableText = (max: number) =>
  userText()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v));

const minutes = z.coerce
  .number()
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
  .transform(
    (s): ScheduleInput => ({
      startsAt: s.starts_at,
      durationMinutes: s.duration_minutes,
      rrule: s.rrule ?? null,
    }),
  );

const guestSchema = z.union([
  z
    .object({
      account_id: z.coerce.number().int().positive(),
      badge: userText().max(40).optional().nullable(),
    })
    .transform((g): GuestInput => ({ accountId: g.account_id, badge: g.badge ?? null })),
  z.coerce
    .number()
    .int()
    .positive()
    .transform((id): GuestInput => ({ accountId: id, badge: null })),
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

const toSessionInput = (s: z.infer<z.ZodObject<typeof sessionFields>>): SessionInput => ({
  title: s.title ?? null,
  startsAt: s.starts_at,
  endsAt: s.ends_at ?? null,
  durationMinutes: s.duration_minutes ?? null,
  guests: s.guests,
  extraTag: s.extra_tag ?? null,
});

export const sessionCreateSchema = z
  .object({ ...sessionFields, event_id: z.coerce.number().int().positive().optional().nullable() })
  .transform((s) => ({ ...toSessionInput(s), eventId: s.event_id ?? null }));

export const eventCreateSchema = z.object({
  name: userText().trim().min(1).max(200),
  description: userText().max(5000).default(''),
  sessions: z.array(z.object(sessionFields).transform(toSessionInput)).min(1).max(50),
});

export const sessionPatchSchema = z
  .object({
    title: nullableText(200),
    starts_at: dateTime.optional(),
    ends_at: dateTime.optional(),
    guests: guestsSchema.optional(),
    extra_tag: nullableText(101),
    agenda_public: formBool.optional(),
  })
  .transform((p) => ({
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.starts_at !== undefined ? { startsAt: p.starts_at } : {}),
    ...(p.ends_at !== undefined ? { endsAt: p.ends_at } : {}),
    ...(p.guests !== undefined ? { guests: p.guests } : {}),
    ...(p.extra_tag !== undefined ? { extraTag: p.extra_tag } : {}),
    ...(p.agenda_public !== undefined ? { agendaPublic: p.agenda_public } : {}),
  }));
