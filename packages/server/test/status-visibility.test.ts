// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestEventId } from '../src/store/events';
import { type ModerationFixture, moderationFixture, type TopicReader } from './moderation-fixture';
import type { Api } from './support/client';
import { SseClient } from './support/sse';

/**
 * The visibility rule (services/visibility.ts) on every read path: an outsider sees none of a
 * direct status, a followers-only one, and the ones a chat's moderators hold (hidden, from a
 * chat-muted author, waiting for review); their authors still do.
 */
let f: ModerationFixture;
let parent: string;
const ids = {} as Record<'direct' | 'private' | 'hidden' | 'pending' | 'muted', string>;
let streams: TopicReader[];
/** The last stream event before any of them was written. */
let before: number;
let reblogOfHidden: string;
const WORD = 'zebrafoo';

beforeAll(async () => {
  f = await moderationFixture();
  const { ann, bob, cat, dan, host } = f.users;
  streams = await Promise.all(
    [
      `tag:${f.tag}`,
      'public',
      `account:${cat.id}`,
      `user:${dan.id}`,
      `session:${f.sessionId}`,
      `account:${bob.id}`,
    ].map((t) => f.listen(t)),
  );
  before = await latestEventId(f.server.ctx.store.db);
  // dan, the outsider, follows cat (home timeline) but not bob; ann follows bob.
  await f.ok(dan.api.post(`/api/v1/accounts/${cat.id}/follow`));
  await f.ok(ann.api.post(`/api/v1/accounts/${bob.id}/follow`));
  parent = await f.post(ann.api, `Parent ${WORD} #${f.tag}`);
  const reply = { in_reply_to_id: parent };
  ids.direct = await f.post(bob.api, `@${ann.username} direct ${WORD} #${f.tag}`, {
    ...reply,
    visibility: 'direct',
  });
  ids.private = await f.post(bob.api, `followers ${WORD} #${f.tag}`, { ...reply, visibility: 'private' });
  ids.hidden = await f.post(cat.api, `hidden ${WORD} @${dan.username} #${f.tag}`, reply);
  // bob reblogs it while it is still in the room: the reblog must go with it.
  reblogOfHidden = (await f.ok(bob.api.post(`/api/v1/statuses/${ids.hidden}/reblog`))).id;
  await f.ok(
    host.api.post(`/api/v1/sessions/${f.sessionId}/moderation`, { action: 'hide', status_id: ids.hidden }),
  );
  await f.ok(
    host.api.patch(`/api/v1/chats/${f.chatId}/moderation_settings`, { word_filter: ['quarantine'] }),
  );
  ids.pending = await f.post(cat.api, `quarantine ${WORD} @${dan.username} #${f.tag}`, reply);
  await f.ok(host.api.patch(`/api/v1/chats/${f.chatId}/moderation_settings`, { word_filter: [] }));
  await f.ok(
    host.api.post(`/api/v1/sessions/${f.sessionId}/moderation`, { action: 'mute', account_id: cat.id }),
  );
  ids.muted = await f.post(cat.api, `muted ${WORD} @${dan.username} #${f.tag}`, reply);
});
afterAll(async () => {
  await f?.server.close();
});

const kinds = ['direct', 'private', 'hidden', 'pending', 'muted'] as const;
const statusIds = (list: any[]) => list.flatMap((s: any) => [s.id, s.reblog?.id].filter(Boolean));

/** Every read path that lists statuses, as `who` sees it: path name → status ids. */
async function listings(who: Api): Promise<Record<string, string[]>> {
  const { bob, cat } = f.users;
  const get = async (path: string) => f.ok(who.get(path));
  const transcript = await get(`/api/v1/sessions/${f.sessionId}/transcript.json`);
  return {
    context: statusIds((await get(`/api/v1/statuses/${parent}/context`)).descendants),
    search: statusIds((await get(`/api/v2/search?q=${WORD}&type=statuses&limit=40`)).statuses),
    'bob statuses': statusIds(await get(`/api/v1/accounts/${bob.id}/statuses?limit=40`)),
    'cat statuses': statusIds(await get(`/api/v1/accounts/${cat.id}/statuses?limit=40`)),
    home: statusIds(await get('/api/v1/timelines/home?limit=40')),
    public: statusIds(await get('/api/v1/timelines/public?limit=40')),
    tag: statusIds(await get(`/api/v1/timelines/tag/${f.tag}?limit=40`)),
    notifications: (await get('/api/v1/notifications?limit=40')).map((n: any) => n.status?.id),
    room: statusIds(await get(`/api/v1/sessions/${f.sessionId}/room?limit=40`)),
    transcript: transcript.statuses.map((s: any) => String(s.id)),
  };
}

describe('an outsider', () => {
  it.each(kinds)('cannot read a %s status by id, nor its context', async (kind) => {
    const { dan } = f.users;
    for (const path of [`/api/v1/statuses/${ids[kind]}`, `/api/v1/statuses/${ids[kind]}/context`]) {
      const res = await dan.api.get(path);
      expect([path, res.status, res.body]).toEqual([path, 404, { error: 'Record not found' }]);
    }
  });

  it('cannot read a reblog of a status hidden since', async () => {
    const res = await f.users.dan.api.get(`/api/v1/statuses/${reblogOfHidden}`);
    expect([res.status, res.body]).toEqual([404, { error: 'Record not found' }]);
  });

  it.each(kinds)('cannot favourite, reblog or list the likers of a %s status', async (kind) => {
    const { dan } = f.users;
    for (const [method, path] of [
      ['POST', 'favourite'],
      ['POST', 'reblog'],
      ['GET', 'favourited_by'],
      ['GET', 'reblogged_by'],
    ] as const) {
      const res = await dan.api.request(method, `/api/v1/statuses/${ids[kind]}/${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('finds none of them on any listing: context, search, profiles, timelines, notifications, room, transcript', async () => {
    const seen = await listings(f.users.dan.api);
    expect(seen.context).toEqual([]);
    const leaked = Object.entries(seen).flatMap(([path, list]) =>
      kinds.filter((k) => list.includes(ids[k])).map((k) => `${k} on ${path}`),
    );
    expect(leaked).toEqual([]);
    expect(seen.tag).toContain(parent);
  });

  it('is streamed no held status: only its author is', async () => {
    const held = [ids.pending, ids.muted];
    // The first five are what an outsider may listen to; bob's topic is for his followers.
    for (const r of streams.slice(0, 5)) {
      const updates = r.events
        .filter((e) => e.event === 'update')
        .map((e) => String(JSON.parse(e.payload).id));
      expect(updates.filter((id) => held.includes(id) || id === ids.direct || id === ids.private)).toEqual(
        [],
      );
    }
    // The hidden one went out before it was hidden, and was taken back on the same topics,
    // and so was bob's reblog of it, on bob's followers' topic.
    const tag = streams[0].events;
    expect(tag.some((e) => e.event === 'delete' && e.payload === ids.hidden)).toBe(true);
    const bobs = streams[5].events.filter(
      (e) => e.event === 'delete' || JSON.parse(e.payload).id === reblogOfHidden,
    );
    expect(bobs.map((e) => [e.event, e.event === 'delete' ? e.payload : JSON.parse(e.payload).id])).toEqual([
      ['update', reblogOfHidden],
      ['delete', reblogOfHidden],
    ]);
  });

  it('is not handed a status hidden since, when resuming a stream from before it', async () => {
    const { dan } = f.users;
    const c = new SseClient(`${f.server.url}/api/v1/streaming/hashtag?tag=${f.tag}`, {
      authorization: `Bearer ${dan.token}`,
      'last-event-id': String(before),
    });
    await c.opened;
    // The backlog ends with the hidden status's withdrawal; the parent came before it.
    const events = await c.waitFor((list) => list.some((e) => e.event === 'delete' && e.data === ids.hidden));
    c.close();
    const updates = events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id);
    expect(updates).toContain(parent);
    expect(updates.filter((id) => Object.values(ids).includes(id))).toEqual([]);
  });
});

describe('the author', () => {
  it.each(kinds)('still reads their own %s status', async (kind) => {
    const author = kind === 'direct' || kind === 'private' ? f.users.bob : f.users.cat;
    expect((await f.ok(author.api.get(`/api/v1/statuses/${ids[kind]}`))).id).toBe(ids[kind]);
  });

  it('still finds their held statuses on their profile', async () => {
    const own = statusIds(await f.ok(f.users.cat.api.get(`/api/v1/accounts/${f.users.cat.id}/statuses`)));
    expect(own).toEqual(expect.arrayContaining([ids.hidden, ids.pending, ids.muted]));
  });
});

describe('those the status is for', () => {
  it('a mentioned account reads a direct status and a follower a followers-only one', async () => {
    const { ann } = f.users;
    const context = await f.ok(ann.api.get(`/api/v1/statuses/${parent}/context`));
    expect(statusIds(context.descendants)).toEqual(expect.arrayContaining([ids.direct, ids.private]));
  });

  it("the chat's moderators read its held statuses by id", async () => {
    for (const k of ['hidden', 'pending', 'muted'] as const)
      expect((await f.ok(f.users.cohost.api.get(`/api/v1/statuses/${ids[k]}`))).id).toBe(ids[k]);
  });
});

describe('side doors that take a status id', () => {
  const notFound = { error: 'Record not found' };

  it("refuses a report of a status the reporter may not see, or from outside the chat's room", async () => {
    const { dan, cat } = f.users;
    const outside = await f.post(cat.api, 'nothing to do with the chat');
    for (const s of [ids.direct, ids.private, ids.hidden, outside]) {
      const res = await dan.api.post(`/api/v1/chats/${f.chatId}/reports`, { status_id: s, category: 'spam' });
      expect([s, res.status, res.body]).toEqual([s, 404, notFound]);
    }
  });

  it('refuses a room action naming a status the moderator may not see, and names nobody', async () => {
    const { host, bob } = f.users;
    for (const action of ['mute', 'ban', 'hide']) {
      const res = await host.api.post(`/api/v1/sessions/${f.sessionId}/moderation`, {
        action,
        status_id: ids.direct,
      });
      expect([action, res.status, res.body]).toEqual([action, 404, notFound]);
    }
    const log = await f.ok(host.api.get(`/api/v1/chats/${f.chatId}/moderation?limit=80`));
    expect(log.filter((a: any) => a.account_id === bob.id)).toEqual([]);
  });

  it('refuses to spotlight a status the host may not see', async () => {
    const res = await f.users.host.api.post(`/api/v1/sessions/${f.sessionId}/spotlight`, {
      status_id: ids.direct,
    });
    expect([res.status, res.body]).toEqual([404, notFound]);
  });

  it("refuses to mark a question answered with a status the host may not see or from outside the chat's room", async () => {
    const { host, ann, dan } = f.users;
    await f.ok(
      host.api.request('PUT', `/api/v1/sessions/${f.sessionId}/town_hall`, {
        town_hall: true,
        submission_marker: '#ask',
      }),
    );
    const q = await f.ok(dan.api.post(`/api/v1/sessions/${f.sessionId}/submissions`, { text: 'Any news?' }));
    await f.ok(host.api.post(`/api/v1/submissions/${q.id}/approve`));
    const outside = await f.post(ann.api, 'public, but not in the room');
    for (const s of [ids.direct, ids.private, outside]) {
      const res = await host.api.post(`/api/v1/submissions/${q.id}/answered`, { status_id: s });
      expect([s, res.status, res.body]).toEqual([s, 404, notFound]);
    }
    const answer = await f.post(host.api, `The answer #${f.tag}`);
    const done = await f.ok(host.api.post(`/api/v1/submissions/${q.id}/answered`, { status_id: answer }));
    expect(done).toMatchObject({ state: 'answered', answer_status_id: answer });
    const notes = await f.ok(dan.api.get('/api/v1/notifications?limit=40'));
    const answered = notes.filter((n: any) => n.type === 'submission_answered');
    expect(answered.map((n: any) => n.status?.id)).toEqual([answer]);
  });
});
