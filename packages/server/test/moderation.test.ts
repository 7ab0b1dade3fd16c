// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModerationFixture, moderationFixture } from './moderation-fixture';
import { Api, registerUser } from './support/client';
import { SseClient } from './support/sse';

let f: ModerationFixture;
beforeAll(async () => {
  f = await moderationFixture();
});
afterAll(async () => {
  await f?.server.close();
});

const sse = async (path: string, token?: string) => {
  const c = new SseClient(`${f.server.url}${path}`, token ? { authorization: `Bearer ${token}` } : {});
  await c.opened;
  expect(c.status).toBe(200);
  await c.live;
  return c;
};
const updateIds = (c: SseClient) =>
  c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).id as string);
const moderate = (who: Api, body: Record<string, unknown>) =>
  who.post(`/api/v1/sessions/${f.sessionId}/moderation`, body);
const settings = (body: Record<string, unknown>) =>
  f.ok(f.users.host.api.patch(`/api/v1/chats/${f.chatId}/moderation_settings`, body));
const tagTimeline = async (api: Api) =>
  ((await f.ok(api.get(`/api/v1/timelines/tag/${f.tag}?limit=40`))) as any[]).map((s) => s.id);
const roomState = async (statusId: string) =>
  (
    await f.server.ctx.store.db
      .selectFrom('session_statuses')
      .select('room_state')
      .where('status_id', '=', Number(statusId))
      .where('session_id', '=', Number(f.sessionId))
      .executeTakeFirst()
  )?.room_state;

describe('muting an account in the chat', () => {
  it("sends a muted account's new status to its author's stream and no one else's", async () => {
    const { ann, bob, cat, host } = f.users;
    await f.ok(bob.api.post(`/api/v1/accounts/${ann.id}/follow`));
    const logged = await f.ok(
      moderate(host.api, { action: 'mute', account_id: ann.id, duration_minutes: 30, reason: 'flooding' }),
    );
    expect(logged).toMatchObject({
      action: 'mute',
      account_id: ann.id,
      status_id: null,
      reason: 'flooding',
      duration_minutes: 30,
      moderator: { id: host.id },
    });
    const annUser = await sse('/api/v1/streaming/user', ann.token);
    const bobUser = await sse('/api/v1/streaming/user', bob.token);
    const catTag = await sse(`/api/v1/streaming/hashtag?tag=${f.tag}`, cat.token);
    const anonTag = await sse(`/api/v1/streaming/hashtag?tag=${f.tag}`);
    const room = await f.listen(`session:${f.sessionId}`);

    const muted = await f.post(ann.api, `Everyone look at me #${f.tag}`);
    const sentinel = await f.post(bob.api, `A1 something useful #${f.tag}`);
    await annUser.waitFor(() => updateIds(annUser).includes(muted));
    for (const c of [bobUser, catTag, anonTag]) await c.waitFor(() => updateIds(c).includes(sentinel));
    await room.waitFor((e) => e.some((x) => x.event === 'update' && JSON.parse(x.payload).id === sentinel));
    for (const c of [bobUser, catTag, anonTag]) expect(updateIds(c)).not.toContain(muted);
    expect(room.events.map((e) => JSON.parse(e.payload).id)).not.toContain(muted);

    expect(await roomState(muted)).toBe('muted');
    expect(await tagTimeline(cat.api)).not.toContain(muted);
    expect(await tagTimeline(ann.api)).toContain(muted);
    for (const c of [annUser, bobUser, catTag, anonTag]) c.close();

    // Undo: unmuting lets the muted status in, and new ones go to everyone.
    const watcher = await sse(`/api/v1/streaming/hashtag?tag=${f.tag}`);
    await f.ok(moderate(host.api, { action: 'unmute', account_id: ann.id }));
    await watcher.waitFor(() => updateIds(watcher).includes(muted));
    expect(await roomState(muted)).toBe('visible');
    const after = await f.post(ann.api, `Back, and calmer #${f.tag}`);
    await watcher.waitFor(() => updateIds(watcher).includes(after));
    watcher.close();
  });
});

describe('hiding a status', () => {
  it('withdraws it from connected readers of the hashtag and the session, then unhide brings it back', async () => {
    const { bob, cat, cohost } = f.users;
    const catTag = await sse(`/api/v1/streaming/hashtag?tag=${f.tag}`, cat.token);
    const room = await f.listen(`session:${f.sessionId}`);
    const rude = await f.post(bob.api, `Something rude #${f.tag}`);
    await catTag.waitFor(() => updateIds(catTag).includes(rude));
    expect(await tagTimeline(cat.api)).toContain(rude);

    const logged = await f.ok(
      moderate(cohost.api, { action: 'hide', status_id: rude, reason: 'rude', category: 'harassment' }),
    );
    expect(logged).toMatchObject({ action: 'hide', status_id: rude, account_id: bob.id, reason: 'rude' });
    await catTag.waitFor((e) => e.some((x) => x.event === 'delete' && x.data === rude));
    await room.waitFor((e) => e.some((x) => x.event === 'delete' && x.payload === rude));
    expect(await roomState(rude)).toBe('hidden');
    expect(await tagTimeline(cat.api)).not.toContain(rude);
    expect(await tagTimeline(new Api(f.server.url))).not.toContain(rude);

    await f.ok(moderate(cohost.api, { action: 'unhide', status_id: rude }));
    await catTag.waitFor(() => updateIds(catTag).filter((id) => id === rude).length === 2);
    await room.waitFor((e) =>
      e.some((x) => x.event === 'update' && JSON.parse(x.payload).id === rude && JSON.parse(x.payload).chat),
    );
    expect(await roomState(rude)).toBe('visible');
    expect(await tagTimeline(cat.api)).toContain(rude);
    catTag.close();
  });

  it('refuses a status that is not in the chat as not found', async () => {
    const other = await f.post(f.users.bob.api, 'no hashtag here');
    const res = await moderate(f.users.host.api, { action: 'hide', status_id: other });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('Record not found');
  });
});

describe('slow mode', () => {
  it('rejects a too-early post with a clear message and writes nothing; hosts are exempt', async () => {
    const { cat, host } = f.users;
    await settings({ slow_mode_seconds: 60 });
    const count = async () =>
      (await f.ok(new Api(f.server.url).get(`/api/v1/accounts/${cat.id}`))).statuses_count as number;
    await f.post(cat.api, `First #${f.tag}`);
    const before = await count();
    f.advance(15_000);
    const early = await cat.api.post('/api/v1/statuses', { status: `Second too soon #${f.tag}` });
    expect(early.status).toBe(429);
    expect(early.body.error).toBe(`Slow mode: wait 45 seconds before posting in #${f.tag} again`);
    expect(await count()).toBe(before);
    // Outside the room it is an ordinary post.
    expect((await cat.api.post('/api/v1/statuses', { status: 'elsewhere' })).status).toBe(200);
    await f.post(host.api, `Host one #${f.tag}`);
    await f.post(host.api, `Host two #${f.tag}`);
    f.advance(46_000);
    await f.post(cat.api, `Second, in time #${f.tag}`);
    await settings({ slow_mode_seconds: 0 });
  });

  it('tells anyone the interval before they post, and a participant when their next post is taken', async () => {
    const { cat, host } = f.users;
    const slow = (api: Api) => f.ok(api.get(`/api/v1/chats/${f.chatId}/slow_mode`));
    const anonymous = new Api(f.server.url);
    f.advance(61_000); // past any window the test before opened
    expect(await slow(anonymous)).toEqual({ slow_mode_seconds: 0, next_post_at: null, exempt: false });
    await settings({ slow_mode_seconds: 60 });
    expect(await slow(anonymous)).toEqual({ slow_mode_seconds: 60, next_post_at: null, exempt: false });
    expect(await slow(cat.api)).toEqual({ slow_mode_seconds: 60, next_post_at: null, exempt: false });

    const postedAt = f.now();
    await f.post(cat.api, `Now #${f.tag}`);
    const next = new Date(postedAt + 60_000).toISOString();
    expect(await slow(cat.api)).toEqual({ slow_mode_seconds: 60, next_post_at: next, exempt: false });
    // Reading it counts no post: a refusal still names the same moment.
    f.advance(20_000);
    expect((await slow(cat.api)).next_post_at).toBe(next);
    const early = await cat.api.post('/api/v1/statuses', { status: `Too soon #${f.tag}` });
    expect([early.status, early.body.error]).toEqual([
      429,
      `Slow mode: wait 40 seconds before posting in #${f.tag} again`,
    ]);
    expect((await slow(cat.api)).next_post_at).toBe(next);
    // Hosts are not held back, and are told so.
    expect(await slow(host.api)).toEqual({ slow_mode_seconds: 60, next_post_at: null, exempt: true });
    f.advance(41_000);
    expect((await slow(cat.api)).next_post_at).toBeNull();
    expect((await anonymous.get('/api/v1/chats/999999/slow_mode')).status).toBe(404);
    await settings({ slow_mode_seconds: 0 });
  });
});

describe('bans', () => {
  it('rejects a banned account with a message and writes nothing, until unbanned', async () => {
    const { dan, host } = f.users;
    await f.ok(
      moderate(host.api, { action: 'ban', account_id: dan.id, reason: 'spam bot', category: 'spam' }),
    );
    const before = (await f.ok(dan.api.get('/api/v1/accounts/verify_credentials'))).statuses_count;
    const res = await dan.api.post('/api/v1/statuses', { status: `Buy now #${f.tag}` });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe(`You are banned from #${f.tag}'s chat`);
    expect((await f.ok(dan.api.get('/api/v1/accounts/verify_credentials'))).statuses_count).toBe(before);
    const res2 = await moderate(host.api, { action: 'ban', account_id: host.id });
    expect(res2.status).toBe(422);
    await f.ok(moderate(host.api, { action: 'unban', account_id: dan.id }));
    await f.post(dan.api, `Sorry #${f.tag}`);
    expect((await moderate(host.api, { action: 'unban', account_id: dan.id })).status).toBe(409);
  });
});

describe('word filter and new accounts', () => {
  it('holds a matching status for review, out of the tag timeline and stream, until approved', async () => {
    const { bob, host } = f.users;
    await settings({ word_filter: ['crypto giveaway'] });
    const anonTag = await sse(`/api/v1/streaming/hashtag?tag=${f.tag}`);
    const held = await f.post(bob.api, `Join my CRYPTO  giveaway #${f.tag}`);
    const sentinel = await f.post(bob.api, `Fine status #${f.tag}`);
    await anonTag.waitFor(() => updateIds(anonTag).includes(sentinel));
    expect(updateIds(anonTag)).not.toContain(held);
    expect(await tagTimeline(new Api(f.server.url))).not.toContain(held);
    expect(await roomState(held)).toBe('pending');

    const queue = await f.ok(host.api.get(`/api/v1/sessions/${f.sessionId}/moderation/queue`));
    const item = queue.pending.find((p: any) => p.status.id === held);
    expect(item.reason).toBe('word filter: crypto giveaway');

    await f.ok(moderate(host.api, { action: 'approve', status_id: held }));
    await anonTag.waitFor(() => updateIds(anonTag).includes(held));
    expect(await tagTimeline(new Api(f.server.url))).toContain(held);
    expect(await roomState(held)).toBe('visible');
    const after = await f.ok(host.api.get(`/api/v1/sessions/${f.sessionId}/moderation/queue`));
    expect(after.pending.map((p: any) => p.status.id)).not.toContain(held);
    anonTag.close();
    await settings({ word_filter: [] });
  });

  it('rejecting a held status keeps it out for good', async () => {
    const { bob, host } = f.users;
    await settings({ word_filter: ['scam'] });
    const held = await f.post(bob.api, `This is a scam #${f.tag}`);
    await f.ok(moderate(host.api, { action: 'reject', status_id: held, reason: 'scam link' }));
    expect(await roomState(held)).toBe('hidden');
    expect((await moderate(host.api, { action: 'reject', status_id: held })).status).toBe(409);
    await settings({ word_filter: [] });
  });

  it('holds statuses of accounts newer than the minimum age', async () => {
    const { host, ann } = f.users;
    f.advance(3 * 24 * 60 * 60_000);
    const newbie = await registerUser(f.server.url);
    await settings({ min_account_age_days: 2 });
    const held = await f.post(newbie.api, `Hello, I am new #${f.tag}`);
    const fine = await f.post(ann.api, `I have been here for days #${f.tag}`);
    expect(await roomState(held)).toBe('pending');
    expect(await roomState(fine)).toBe('visible');
    const queue = await f.ok(host.api.get(`/api/v1/sessions/${f.sessionId}/moderation/queue`));
    expect(queue.pending.find((p: any) => p.status.id === held).reason).toBe('account newer than 2 days');
    await settings({ min_account_age_days: 0 });
  });
});

describe('the log, reports and public counts', () => {
  it('lists every action newest first, for moderators, with keyset paging', async () => {
    const page = await f.users.host.api.get(`/api/v1/sessions/${f.sessionId}/moderation?limit=2`);
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(2);
    expect(Number(page.body[0].id)).toBeGreaterThan(Number(page.body[1].id));
    expect(page.headers.get('link')).toMatch(/max_id=\d+>; rel="next"/);
    const all = await f.ok(f.users.host.api.get(`/api/v1/chats/${f.chatId}/moderation?limit=80`));
    const actions = all.map((a: any) => a.action);
    for (const a of ['mute', 'unmute', 'hide', 'unhide', 'ban', 'unban', 'approve', 'reject', 'settings'])
      expect(actions).toContain(a);
  });

  it('takes a report from anyone and lets moderators resolve it', async () => {
    const { ann, bob, host } = f.users;
    const s = await f.post(bob.api, `Off topic rant #${f.tag}`);
    const report = await f.ok(
      ann.api.post(`/api/v1/chats/${f.chatId}/reports`, {
        status_id: s,
        category: 'off_topic',
        comment: 'meh',
      }),
    );
    expect(report).toMatchObject({
      category: 'off_topic',
      comment: 'meh',
      state: 'open',
      target_account: { id: bob.id },
      status: { id: s },
    });
    const queue = await f.ok(host.api.get(`/api/v1/sessions/${f.sessionId}/moderation/queue`));
    expect(queue.reports.map((r: any) => r.id)).toContain(report.id);
    const resolved = await f.ok(
      host.api.post(`/api/v1/reports/${report.id}/resolve`, { resolution: 'talked' }),
    );
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'talked' });
    const open = await f.ok(host.api.get(`/api/v1/chats/${f.chatId}/reports`));
    expect(open.map((r: any) => r.id)).not.toContain(report.id);
    expect(
      (await new Api(f.server.url).post(`/api/v1/chats/${f.chatId}/reports`, { account_id: bob.id })).status,
    ).toBe(401);
  });

  it('shows public counts by reason category', async () => {
    const stats = await f.ok(new Api(f.server.url).get(`/api/v1/chats/${f.chatId}/moderation_stats`));
    expect(stats.by_category.harassment).toBeGreaterThanOrEqual(1);
    expect(stats.by_category.spam).toBeGreaterThanOrEqual(1);
    expect(stats.by_action.hide).toBeGreaterThanOrEqual(1);
    expect(stats.removals_count).toBe(
      Object.values(stats.by_category as Record<string, number>).reduce((a, b) => a + b, 0),
    );
  });
});
