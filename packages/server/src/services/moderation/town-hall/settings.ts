import type { Context } from '../../../context';
import { updateSessionRow } from '../../../store/session-writes';
import { loadSession } from '../../chats/access';
import { requireModerator } from '../moderators';
import { townHallEntity } from './views';

export async function getTownHall(ctx: Context, sessionId: number) {
  return townHallEntity((await loadSession(ctx.store.db, sessionId)).session);
}

/** Turns town-hall mode on or off and sets the marker that makes a status a question. */
export async function setTownHall(
  ctx: Context,
  actorId: number,
  sessionId: number,
  patch: { townHall?: boolean; marker?: string | null },
) {
  const db = ctx.store.db;
  const { chat } = await loadSession(db, sessionId);
  await requireModerator(db, chat, actorId);
  const set: { town_hall?: number; submission_marker?: string | null; updated_at: number } = {
    updated_at: ctx.now(),
  };
  if (patch.townHall !== undefined) set.town_hall = patch.townHall ? 1 : 0;
  if (patch.marker !== undefined) set.submission_marker = patch.marker?.trim() || null;
  await updateSessionRow(db, sessionId, set);
  return getTownHall(ctx, sessionId);
}
