import { z } from 'zod';
import { accountSchema } from './account';
import { id, instant } from './common';
import { filterResultSchema } from './filter';
import { mediaAttachmentSchema } from './media';
import { pollSchema } from './poll';

export const visibilitySchema = z.enum(['public', 'unlisted', 'private', 'direct']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const roomKindSchema = z.enum(['question', 'answer', 'comment']);
export type RoomKind = z.infer<typeof roomKindSchema>;

export const roomStateSchema = z.enum(['visible', 'hidden', 'pending', 'muted']);
export type RoomState = z.infer<typeof roomStateSchema>;

/** Who an author is in a session's room (for badges and the "hosts only" filter). */
export const authorRoleSchema = z.enum(['host', 'co_host', 'guest']).nullable();
export type AuthorRole = z.infer<typeof authorRoleSchema>;

/** Our extension: how a status sits in a session's room (question n, answer to n, or a comment). */
export const roomChatSchema = z
  .object({
    session_id: id(),
    kind: roomKindSchema,
    question_number: z.number().int().nullable(),
    spotlighted: z.boolean(),
    /** Posted after the session ended (still on topic, shown apart in transcripts). */
    late: z.boolean(),
    /** Everyone sees `visible` statuses; an author also their own muted or pending ones, hosts all. */
    room_state: roomStateSchema,
    author_role: authorRoleSchema,
  })
  .meta({ id: 'RoomChat' });
export type RoomChat = z.infer<typeof roomChatSchema>;

export const statusMentionSchema = z.object({
  id: id(),
  username: z.string(),
  acct: z.string(),
  url: z.string(),
});
export type StatusMention = z.infer<typeof statusMentionSchema>;

export const statusTagSchema = z.object({ name: z.string(), url: z.string() });
export type StatusTag = z.infer<typeof statusTagSchema>;

/** Mastodon's Status entity; `chat` (our extension) is there on statuses of a session's room. */
export const statusSchema = z
  .object({
    id: id(),
    created_at: instant(),
    in_reply_to_id: id().nullable(),
    in_reply_to_account_id: id().nullable(),
    sensitive: z.boolean(),
    spoiler_text: z.string(),
    visibility: visibilitySchema,
    language: z.string().nullable(),
    uri: z.string(),
    url: z.string().nullable(),
    replies_count: z.number().int(),
    reblogs_count: z.number().int(),
    favourites_count: z.number().int(),
    edited_at: instant().nullable(),
    favourited: z.boolean(),
    reblogged: z.boolean(),
    muted: z.boolean(),
    bookmarked: z.boolean(),
    pinned: z.boolean(),
    /** The text as HTML. */
    content: z.string(),
    /** Why the viewer's filters match it (warn filters; hidden statuses are left out). */
    filtered: z.array(filterResultSchema),
    get reblog() {
      return statusSchema.nullable();
    },
    application: z.null(),
    account: accountSchema,
    media_attachments: z.array(mediaAttachmentSchema),
    mentions: z.array(statusMentionSchema),
    tags: z.array(statusTagSchema),
    emojis: z.array(z.never()),
    card: z.null(),
    poll: pollSchema.nullable(),
    chat: roomChatSchema.optional(),
  })
  .meta({ id: 'Status' });
export type Status = z.infer<typeof statusSchema>;

/** A status of a session's room: always with its `chat` field. */
export const roomStatusSchema = statusSchema.extend({ chat: roomChatSchema }).meta({ id: 'RoomStatus' });
export type RoomStatus = z.infer<typeof roomStatusSchema>;

/** Mastodon's Context entity: a status's ancestors and descendants. */
export const statusContextSchema = z
  .object({ ancestors: z.array(statusSchema), descendants: z.array(statusSchema) })
  .meta({ id: 'Context' });
export type StatusContext = z.infer<typeof statusContextSchema>;
