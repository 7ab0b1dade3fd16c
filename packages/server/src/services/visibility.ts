import { accountTopic, PUBLIC_LOCAL_TOPIC, PUBLIC_TOPIC, tagTopic, userTopic } from '@hashchat/api/topics';
import { notFound } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import type { Context } from '../context';
import type { Database } from '../store/schema';
import {
  isInChatRoom,
  type ViewerReach,
  type VisibilityRow,
  viewerReach,
  visibilityRows,
} from '../store/status-visibility';
import { findStatusById, type StatusRow } from '../store/statuses';

/**
 * THE visibility rule, one place for every read path and every route that takes a status id.
 * A viewer sees a status when:
 * - they wrote it (held or not), or
 * - Mastodon's visibility lets them (public and unlisted: anyone; followers-only: followers and
 *   mentioned accounts; direct: mentioned accounts), and it is not held by a chat's moderators
 *   (pending review, chat-muted, hidden) unless they moderate that chat.
 * A reblog is seen only when the status it wraps is seen too.
 */
export function mayView(s: VisibilityRow, viewerId: number | null, reach: ViewerReach | null): boolean {
  if (viewerId !== null && s.account_id === viewerId) return true;
  if (s.hold_chat_id !== null) {
    const m = reach?.moderates;
    if (m === undefined || (m !== 'all' && !m.has(s.hold_chat_id))) return false;
  }
  if (s.visibility === 'public' || s.visibility === 'unlisted') return true;
  if (reach === null) return false;
  if (reach.mentionedIn.has(s.id)) return true;
  return s.visibility === 'private' && reach.following.has(s.account_id);
}

/** Of these status ids, those the viewer may see (reblogs with their target); deleted ones are left out. */
export async function visibleStatusIds(
  db: Kysely<Database>,
  ids: number[],
  viewerId: number | null,
): Promise<Set<number>> {
  const rows = await visibilityRows(db, ids);
  const targets = [...rows.values()].map((r) => r.reblog_of_id).filter((t): t is number => t !== null);
  const missing = targets.filter((t) => !rows.has(t));
  if (missing.length > 0) for (const [id, r] of await visibilityRows(db, missing)) rows.set(id, r);
  return visibleAmong(db, rows, ids, viewerId);
}

/**
 * The rule over rows already read (`rows` holds each id's row and its reblog target's, when
 * they exist): of `ids`, those the viewer may see. Reads only what the viewer's reach needs.
 */
export async function visibleAmong(
  db: Kysely<Database>,
  rows: ReadonlyMap<number, VisibilityRow>,
  ids: number[],
  viewerId: number | null,
): Promise<Set<number>> {
  const reach = viewerId === null ? null : await reachFor(db, viewerId, [...rows.values()]);
  const out = new Set<number>();
  for (const id of ids) {
    const r = rows.get(id);
    if (!r || !mayView(r, viewerId, reach)) continue;
    if (r.reblog_of_id !== null) {
      const t = rows.get(r.reblog_of_id);
      if (!t || !mayView(t, viewerId, reach)) continue;
    }
    out.add(id);
  }
  return out;
}

/** Only what the rule can need: public, unheld statuses by others ask nothing more. */
function reachFor(db: Kysely<Database>, viewerId: number, rows: VisibilityRow[]): Promise<ViewerReach> {
  const others = rows.filter((r) => r.account_id !== viewerId);
  const restricted = others.filter((r) => r.visibility === 'private' || r.visibility === 'direct');
  return viewerReach(db, viewerId, {
    statusIds: restricted.map((r) => r.id),
    authorIds: [...new Set(restricted.filter((r) => r.visibility === 'private').map((r) => r.account_id))],
    chatIds: [...new Set(others.map((r) => r.hold_chat_id).filter((c): c is number => c !== null))],
  });
}

/** Whether `viewerId` may see a status (the rule above, for one row). */
export async function canSeeStatus(
  db: Kysely<Database>,
  s: Pick<StatusRow, 'id'>,
  viewerId: number | null,
): Promise<boolean> {
  return (await visibleStatusIds(db, [Number(s.id)], viewerId)).has(Number(s.id));
}

/**
 * Loads a status by an id from outside, for any route that takes one: 404 (`Record not found`)
 * when it does not exist, the viewer may not see it, or — for a room action — it is not in that
 * chat's room, so nobody learns whether a status they may not see exists.
 */
export async function loadVisibleStatus(
  ctx: Context,
  viewerId: number | null,
  id: number,
  opts: { room?: { id: number; tag_name: string } } = {},
): Promise<StatusRow> {
  const db = ctx.store.db;
  const row = await findStatusById(db, id);
  if (!row || !(await canSeeStatus(db, row, viewerId))) throw notFound();
  if (opts.room && !(await isInChatRoom(db, { id: Number(opts.room.id), tag_name: opts.room.tag_name }, id)))
    throw notFound();
  return row;
}

/** The bus topics a status's events go to, by visibility. */
export function statusTopics(
  s: { account_id: number; visibility: string; reblog_of_id: number | null },
  tags: string[],
  mentioned: number[],
  /** Where the status comes from: a remote one is not local, and a silenced server's is only its followers'. */
  origin: 'local' | 'remote' | 'silenced' = 'local',
): string[] {
  const author = Number(s.account_id);
  if (s.visibility === 'direct') return [userTopic(author), ...mentioned.map(userTopic)];
  const topics = [accountTopic(author)];
  if (s.visibility === 'public' && s.reblog_of_id === null && origin !== 'silenced') {
    topics.push(PUBLIC_TOPIC, ...(origin === 'local' ? [PUBLIC_LOCAL_TOPIC] : []), ...tags.map(tagTopic));
  }
  return topics;
}
