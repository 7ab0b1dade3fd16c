// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { expect } from 'vitest';
import type { StoredEvent } from '../src/store/events';
import { type FrameCache, Reader } from '../src/stream/reader';
import { type Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Listens to bus topics through the server's own hub (e.g. `session:<id>`), as any stream does. */
export class TopicReader extends Reader {
  readonly events: StoredEvent[] = [];
  protected write(_topic: string, event: StoredEvent, _frames: FrameCache): void {
    this.events.push(event);
  }
  heartbeat(): void {}
  close(reason: 'backlog' | 'shutdown' | 'client'): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(reason);
  }
  async waitFor(predicate: (events: StoredEvent[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; got ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export interface ModerationFixture {
  server: TestServer;
  tag: string;
  chatId: string;
  sessionId: string;
  users: Record<'host' | 'cohost' | 'mod' | 'ann' | 'bob' | 'cat' | 'dan', User>;
  /** Moves the server's clock. */
  advance(ms: number): void;
  now(): number;
  ok(p: Promise<{ status: number; body: any }>): Promise<any>;
  post(who: Api, status: string, extra?: Record<string, unknown>): Promise<string>;
  /** A reader on a hub topic, attached and ready. */
  listen(topic: string): Promise<TopicReader>;
  newSession(): Promise<string>;
}

/**
 * A claimed chat with a live session (five days long, so the clock can move), its host, a
 * co-host, an instance moderator and four participants, on a clock the test moves.
 */
export async function moderationFixture(): Promise<ModerationFixture> {
  let clock = Date.parse('2027-03-01T11:00:00Z');
  const server = await startTestServer({ now: () => clock, env: { JOBS_ENABLED: 'false' } });
  await registerUser(server.url); // the first account is the instance's admin
  const names = ['host', 'cohost', 'mod', 'ann', 'bob', 'cat', 'dan'] as const;
  const users = {} as ModerationFixture['users'];
  for (const n of names) users[n] = await registerUser(server.url);
  await server.ctx.store.db
    .updateTable('accounts')
    .set({ role: 'moderator' })
    .where('id', '=', Number(users.mod.id))
    .execute();
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const tag = `townhall${Math.random().toString(36).slice(2, 7)}`;
  const chat = await ok(
    users.host.api.post('/api/v1/chats', { hashtag: `#${tag}`, title: 'Town hall', time_zone: 'UTC' }),
  );
  await ok(users.host.api.post(`/api/v1/chats/${chat.id}/co_hosts`, { account_id: users.cohost.id }));
  const newSession = async () => {
    const s = await ok(
      users.host.api.post(`/api/v1/chats/${chat.id}/sessions`, {
        starts_at: new Date(clock + 60 * 60_000).toISOString(),
        duration_minutes: 5 * 24 * 60,
      }),
    );
    return String(s.id);
  };
  const sessionId = await newSession();
  await ok(users.host.api.post(`/api/v1/sessions/${sessionId}/start`));
  return {
    server,
    tag,
    chatId: String(chat.id),
    sessionId,
    users,
    advance: (ms) => {
      clock += ms;
    },
    now: () => clock,
    ok,
    post: async (who, status, extra = {}) =>
      (await ok(who.post('/api/v1/statuses', { status, ...extra }))).id,
    listen: async (topic) => {
      const r = new TopicReader();
      r.topics.set(topic, [topic]);
      // The hub closes it on shutdown.
      await server.ctx.hub.attach(r, null);
      return r;
    },
    newSession,
  };
}
