/** How long before its start a scheduled session's room already takes statuses on its hashtag. */
export const ROOM_GRACE_MS = 15 * 60_000;
/** How long after its end a reply inside one of its threads still joins the room (marked late). */
export const LATE_REPLY_MS = 24 * 60 * 60_000;

/**
 * Where agenda offsets count from: the scheduled start, or the actual start when a host
 * started early (a late start, e.g. the server was down, keeps the planned times).
 */
export function agendaAnchor(s: { starts_at: number; started_at: number | null }): number {
  const planned = Number(s.starts_at);
  return s.started_at !== null && Number(s.started_at) < planned ? Number(s.started_at) : planned;
}
