import { sessionTopic } from '@hashchat/api/topics';
import type { Context } from '../../context';
import { findSessionById } from '../../store/chat-sessions';
import { appendEvents } from '../../store/events';
import { roomTotals } from '../../store/room';
import { publishEvents } from '../publish';
import { RoomPresence } from './room-presence';

export interface RoomCounters {
  /** Open streams of the room, on every instance (ctx.presence shares each one's count). */
  people_in_room: number;
  /** Distinct authors of visible statuses in the room. */
  participants: number;
  /** Visible statuses posted in the last minute. */
  posts_per_minute: number;
  statuses: number;
}

export async function roomCounters(ctx: Context, sessionId: number): Promise<RoomCounters> {
  const [totals, elsewhere] = await Promise.all([
    roomTotals(ctx.store.db, sessionId, ctx.now() - 60_000),
    ctx.presence.others(sessionTopic(sessionId)),
  ]);
  return {
    people_in_room: liveRuntime(ctx).presence.count(sessionId) + elsewhere,
    participants: totals.participants,
    posts_per_minute: totals.recent,
    statuses: totals.statuses,
  };
}

/**
 * Sends `chat.counters` on the streams of live sessions that have readers in this process, at
 * most every `intervalMs` and only when a number changed. One timer per process, running only
 * while some room is open; a few aggregate queries per open room per tick, never per reader.
 * Each tick also renews this process's reader counts on the presence board (and withdraws
 * those of rooms it no longer has readers in), so other instances count them.
 */
export class CountersTicker {
  intervalMs = 5000;
  private timer: NodeJS.Timeout | null = null;
  private readonly last = new Map<number, string>();
  /** When each room's numbers last went out (wall clock: it paces the sending). */
  private readonly sentAt = new Map<number, number>();
  /** Rooms whose readers here are on the presence board. */
  private readonly reported = new Set<number>();
  private busy = false;

  constructor(
    private readonly ctx: Context,
    private readonly presence: RoomPresence,
  ) {}

  /** Called when a reader joins a room: the other instances count them at once, not at the next tick. */
  joined(sessionId: number): void {
    this.ensureRunning();
    // The newcomer read the numbers before its stream counted: the next ones go out even if
    // unchanged since the last sent (a reader switching streams can leave them equal).
    this.last.delete(sessionId);
    // Once the stream holds the room's topic (set just after this call): counted before
    // that, the reader would be taken for one that left. A room whose numbers went out
    // longer than an interval ago (its first reader here) gets them now, not at the next tick.
    setImmediate(() => {
      void this.report(sessionId).then(async () => {
        if (this.busy || Date.now() - (this.sentAt.get(sessionId) ?? 0) < this.intervalMs) return;
        // Claimed before the first await: of a crowd arriving at once, one reader sends them.
        this.sentAt.set(sessionId, Date.now());
        await this.emit(sessionId).catch((err) => this.ctx.log.warn({ err }, 'room counters failed'));
      });
    });
  }

  /** Puts this process's readers of a room on the presence board (0 withdraws them). */
  private async report(sessionId: number): Promise<void> {
    const count = this.presence.count(sessionId);
    if (count > 0) this.reported.add(sessionId);
    else if (!this.reported.delete(sessionId)) return;
    await this.ctx.presence.report(sessionTopic(sessionId), count);
  }

  ensureRunning(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(): Promise<void> {
    if (this.busy) return;
    const sessions = this.presence.sessions();
    for (const id of this.last.keys()) if (!sessions.includes(id)) this.last.delete(id);
    for (const id of this.sentAt.keys()) if (!sessions.includes(id)) this.sentAt.delete(id);
    this.busy = true;
    try {
      for (const id of [...this.reported]) if (!sessions.includes(id)) await this.report(id);
      if (sessions.length === 0) {
        this.stop();
        return;
      }
      for (const id of sessions) {
        await this.report(id);
        await this.emit(id);
      }
    } catch (err) {
      this.ctx.log.warn({ err }, 'room counters failed');
    } finally {
      this.busy = false;
    }
  }

  private async emit(sessionId: number): Promise<void> {
    const session = await findSessionById(this.ctx.store.db, sessionId);
    if (session?.state !== 'live') return;
    const payload = JSON.stringify(await roomCounters(this.ctx, sessionId));
    if (this.last.get(sessionId) === payload) return;
    this.last.set(sessionId, payload);
    this.sentAt.set(sessionId, Date.now());
    const stored = await this.ctx.store.db
      .transaction()
      .execute((trx) =>
        appendEvents(
          trx,
          this.ctx.store.dialect,
          [{ event: 'chat.counters', payload, accountId: null, topics: [sessionTopic(sessionId)] }],
          this.ctx.now(),
        ),
      );
    await publishEvents(this.ctx, stored);
  }
}

interface LiveRuntime {
  presence: RoomPresence;
  counters: CountersTicker;
}

const runtimes = new WeakMap<Context, LiveRuntime>();

/** This process's live-room state for a context (presence and the counters timer), made on first use. */
export function liveRuntime(ctx: Context): LiveRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    const presence = new RoomPresence();
    rt = { presence, counters: new CountersTicker(ctx, presence) };
    runtimes.set(ctx, rt);
  }
  return rt;
}
