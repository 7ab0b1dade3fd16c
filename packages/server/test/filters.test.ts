import { filterSchema } from '@hashchat/api/entities/filter';
import { statusSchema } from '@hashchat/api/entities/status';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Api, registerUser } from './support/client';
import { userWithScopes } from './support/oauth';
import { SseClient } from './support/sse';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;

/** Mastodon's filters v2: CRUD with keywords and statuses, applied per context in timelines, notifications and streams. */
let server: TestServer;
let clock = Date.now();
const open: SseClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.close();
});

const user = () => registerUser(server.url);
const post = async (u: User, status: string, extra: Record<string, unknown> = {}) =>
  (await u.api.post('/api/v1/statuses', { status, ...extra })).body.id as string;
const ids = (body: { id: string }[]) => body.map((s) => s.id);
const newFilter = async (u: User, body: Record<string, unknown>) => {
  const res = await u.api.post('/api/v2/filters', { title: 'F', context: ['home'], ...body });
  expect(res.status).toBe(200);
  return res.body;
};
/** A reader who follows an author, so the author's statuses reach the reader's home. */
async function pair() {
  const [me, author] = [await user(), await user()];
  await me.api.post(`/api/v1/accounts/${author.id}/follow`);
  return { me, author };
}

describe('filters CRUD', () => {
  it('create with keywords, read, change keywords by id, delete; v1 shows one filter per keyword', async () => {
    const me = await user();
    const f = await newFilter(me, {
      title: '  Spoilers ',
      context: ['home', 'public'],
      filter_action: 'hide',
      expires_in: 3600,
      keywords_attributes: [{ keyword: 'finale' }, { keyword: 'ending', whole_word: true }],
    });
    expect(filterSchema.strict().parse(f)).toEqual({
      id: expect.any(String),
      title: 'Spoilers',
      context: ['home', 'public'],
      expires_at: new Date(clock + 3600_000).toISOString(),
      filter_action: 'hide',
      keywords: [
        { id: expect.any(String), keyword: 'finale', whole_word: false },
        { id: expect.any(String), keyword: 'ending', whole_word: true },
      ],
      statuses: [],
    });
    expect((await me.api.get('/api/v2/filters')).body).toEqual([f]);
    expect((await me.api.get(`/api/v2/filters/${f.id}`)).body).toEqual(f);
    expect((await me.api.get('/api/v1/filters')).body).toEqual([
      {
        id: f.keywords[0].id,
        phrase: 'finale',
        context: ['home', 'public'],
        expires_at: f.expires_at,
        irreversible: true,
        whole_word: false,
      },
      {
        id: f.keywords[1].id,
        phrase: 'ending',
        context: ['home', 'public'],
        expires_at: f.expires_at,
        irreversible: true,
        whole_word: true,
      },
    ]);

    const changed = await me.api.request('PUT', `/api/v2/filters/${f.id}`, {
      filter_action: 'warn',
      expires_in: '',
      keywords_attributes: [
        { id: f.keywords[0].id, keyword: 'season finale' },
        { id: f.keywords[1].id, _destroy: true },
        { keyword: 'twist' },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Spoilers', filter_action: 'warn', expires_at: null });
    expect(changed.body.keywords.map((k: { keyword: string }) => k.keyword)).toEqual([
      'season finale',
      'twist',
    ]);

    const kw = await me.api.post(`/api/v2/filters/${f.id}/keywords`, { keyword: 'plot', whole_word: true });
    expect(kw.body).toEqual({ id: expect.any(String), keyword: 'plot', whole_word: true });
    expect(
      (await me.api.request('PUT', `/api/v2/filters/keywords/${kw.body.id}`, { whole_word: false })).body,
    ).toEqual({
      ...kw.body,
      whole_word: false,
    });
    expect((await me.api.get(`/api/v2/filters/${f.id}/keywords`)).body).toHaveLength(3);
    expect((await me.api.delete(`/api/v2/filters/keywords/${kw.body.id}`)).body).toEqual({});
    expect((await me.api.get(`/api/v2/filters/keywords/${kw.body.id}`)).status).toBe(404);

    expect((await me.api.delete(`/api/v2/filters/${f.id}`)).body).toEqual({});
    expect((await me.api.get('/api/v2/filters')).body).toEqual([]);
  });

  it('read forms: context[]= and keywords_attributes[][keyword]=', async () => {
    const me = await user();
    const form = new URLSearchParams();
    form.append('title', 'Form');
    form.append('context[]', 'home');
    form.append('context[]', 'notifications');
    for (const [k, w] of [
      ['alpha', 'true'],
      ['beta', 'false'],
    ]) {
      form.append('keywords_attributes[][keyword]', k);
      form.append('keywords_attributes[][whole_word]', w);
    }
    const res = await me.api.post('/api/v2/filters', form);
    expect(res.status).toBe(200);
    expect(res.body.context).toEqual(['home', 'notifications']);
    expect(
      res.body.keywords.map((k: { keyword: string; whole_word: boolean }) => [k.keyword, k.whole_word]),
    ).toEqual([
      ['alpha', true],
      ['beta', false],
    ]);
  });

  it.each([
    ['no title', { context: ['home'] }, "Validation failed: title can't be blank"],
    ['no context', { title: 'x' }, "Validation failed: context can't be blank"],
    [
      'an unknown context',
      { title: 'x', context: ['home', 'everywhere'] },
      'Validation failed: context None or invalid context supplied',
    ],
    [
      'an unknown action',
      { title: 'x', context: ['home'], filter_action: 'mute' },
      'Validation failed: filter_action must be warn, hide or blur',
    ],
    [
      'a blank keyword',
      { title: 'x', context: ['home'], keywords_attributes: [{ keyword: ' ' }] },
      "Validation failed: keyword can't be blank",
    ],
    [
      'a keyword of 201 characters',
      { title: 'x', context: ['home'], keywords_attributes: [{ keyword: 'k'.repeat(201) }] },
      'Validation failed: keyword is too long (at most 200 characters)',
    ],
  ])('refuse %s with a 422 and write nothing', async (_, body, error) => {
    const me = await user();
    const res = await me.api.post('/api/v2/filters', body);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error });
    expect((await me.api.get('/api/v2/filters')).body).toEqual([]);
  });

  it("another account's filter, keyword or filtered status is a 404 on every route", async () => {
    const [owner, other] = [await user(), await user()];
    const status = await post(owner, 'some status');
    const f = await newFilter(owner, { keywords_attributes: [{ keyword: 'x' }] });
    const fs = (await owner.api.post(`/api/v2/filters/${f.id}/statuses`, { status_id: status })).body;
    const k = f.keywords[0].id;
    const tries = [
      other.api.get(`/api/v2/filters/${f.id}`),
      other.api.request('PUT', `/api/v2/filters/${f.id}`, { title: 'mine' }),
      other.api.delete(`/api/v2/filters/${f.id}`),
      other.api.get(`/api/v2/filters/${f.id}/keywords`),
      other.api.post(`/api/v2/filters/${f.id}/keywords`, { keyword: 'y' }),
      other.api.get(`/api/v2/filters/keywords/${k}`),
      other.api.request('PUT', `/api/v2/filters/keywords/${k}`, { keyword: 'z' }),
      other.api.delete(`/api/v2/filters/keywords/${k}`),
      other.api.get(`/api/v2/filters/${f.id}/statuses`),
      other.api.post(`/api/v2/filters/${f.id}/statuses`, { status_id: status }),
      other.api.get(`/api/v2/filters/statuses/${fs.id}`),
      other.api.delete(`/api/v2/filters/statuses/${fs.id}`),
    ];
    for (const res of await Promise.all(tries)) expect(res.status).toBe(404);
    expect((await owner.api.get(`/api/v2/filters/${f.id}`)).body).toMatchObject({
      title: 'F',
      keywords: [{ keyword: 'x' }],
      statuses: [{ id: fs.id, status_id: status }],
    });
  });

  it('need read:filters to read and write:filters to change', async () => {
    const reader = await userWithScopes(server.url, 'read:filters');
    const writer = await userWithScopes(server.url, 'write:filters');
    const body = { title: 'x', context: ['home'] };
    expect((await reader.api.get('/api/v2/filters')).status).toBe(200);
    expect((await reader.api.post('/api/v2/filters', body)).status).toBe(403);
    expect((await writer.api.post('/api/v2/filters', body)).status).toBe(200);
    expect((await writer.api.get('/api/v2/filters')).status).toBe(403);
    expect((await new Api(server.url).get('/api/v2/filters')).status).toBe(401);
  });
});

describe('filters applied', () => {
  it('warn marks matching statuses with `filtered` in its contexts; hide leaves them out', async () => {
    const { me, author } = await pair();
    const warn = await newFilter(me, {
      title: 'Warn',
      context: ['home'],
      keywords_attributes: [{ keyword: 'Finale', whole_word: true }],
    });
    await newFilter(me, {
      title: 'Hide',
      context: ['home'],
      filter_action: 'hide',
      keywords_attributes: [{ keyword: 'leak' }],
    });
    const plain = await post(author, 'nothing to see');
    const warned = await post(author, 'the finale was great');
    const partial = await post(author, 'finales are not a whole word');
    await post(author, 'a LEAKED script');
    const home = await me.api.get('/api/v1/timelines/home');
    z.array(statusSchema).parse(home.body);
    expect(ids(home.body)).toEqual([partial, warned, plain]);
    const w = home.body.find((s: { id: string }) => s.id === warned);
    expect(w.filtered).toEqual([{ filter: warn, keyword_matches: ['Finale'], status_matches: null }]);
    expect(home.body.find((s: { id: string }) => s.id === plain).filtered).toEqual([]);
    // Not in the public context: untouched there, and for anyone else.
    const pub = await me.api.get('/api/v1/timelines/public?limit=40');
    expect(pub.body.find((s: { id: string }) => s.id === warned).filtered).toEqual([]);
    expect(
      (await author.api.get('/api/v1/timelines/home')).body.map(
        (s: { filtered: unknown[] }) => s.filtered.length,
      ),
    ).toEqual([0, 0, 0, 0]);
  });

  it('blur (Mastodon 4.4) keeps matching statuses, marked `filtered` by a blur filter, in timelines and on the user stream', async () => {
    const { me, author } = await pair();
    const blur = await newFilter(me, {
      title: 'Spoilers',
      context: ['home'],
      filter_action: 'blur',
      keywords_attributes: [{ keyword: 'finale' }],
    });
    expect(blur.filter_action).toBe('blur');
    expect((await me.api.get(`/api/v2/filters/${blur.id}`)).body.filter_action).toBe('blur');
    // v1 shows it as a reversible filter (Mastodon's irreversible is hide alone).
    const v1 = (await me.api.get('/api/v1/filters')).body.find(
      (f: { phrase: string }) => f.phrase === 'finale',
    );
    expect(v1.irreversible).toBe(false);
    const reader = new SseClient(`${server.url}/api/v1/streaming/user`, {
      authorization: `Bearer ${me.token}`,
    });
    open.push(reader);
    await reader.live;
    const blurred = await post(author, 'the finale, in pictures');
    const home = await me.api.get('/api/v1/timelines/home');
    const s = home.body.find((x: { id: string }) => x.id === blurred);
    expect(s.filtered).toEqual([{ filter: blur, keyword_matches: ['finale'], status_matches: null }]);
    const events = await reader.waitFor((e) => e.some((x) => x.event === 'update'));
    const streamed = JSON.parse(events.find((x) => x.event === 'update')!.data);
    expect(streamed.id).toBe(blurred);
    expect(
      streamed.filtered.map((f: { filter: { filter_action: string } }) => f.filter.filter_action),
    ).toEqual(['blur']);
    // It can become a warn filter and back.
    const changed = await me.api.request('PUT', `/api/v2/filters/${blur.id}`, { filter_action: 'warn' });
    expect(changed.body.filter_action).toBe('warn');
  });

  it('a filtered status matches itself and its reblogs; contexts thread, account and notifications apply', async () => {
    const { me, author } = await pair();
    const target = await post(author, 'this one exactly');
    const f = await newFilter(me, { context: ['home', 'thread', 'account'] });
    const fs = await me.api.post(`/api/v2/filters/${f.id}/statuses`, { status_id: target });
    expect(fs.body).toEqual({ id: expect.any(String), status_id: target });
    expect((await me.api.post(`/api/v2/filters/${f.id}/statuses`, { status_id: target })).status).toBe(422);
    const booster = await user();
    await me.api.post(`/api/v1/accounts/${booster.id}/follow`);
    const reblog = (await booster.api.post(`/api/v1/statuses/${target}/reblog`)).body.id;
    const home = (await me.api.get('/api/v1/timelines/home')).body;
    const expected = [
      { filter: { ...f, statuses: [fs.body] }, keyword_matches: null, status_matches: [fs.body.id] },
    ];
    expect(home.find((s: { id: string }) => s.id === reblog).reblog.filtered).toEqual(expected);
    expect(home.find((s: { id: string }) => s.id === target).filtered).toEqual(expected);
    const reply = await post(author, 'a reply', { in_reply_to_id: target });
    const thread = (await me.api.get(`/api/v1/statuses/${reply}/context`)).body;
    expect(thread.ancestors[0].filtered).toEqual(expected);
    const profile = (await me.api.get(`/api/v1/accounts/${author.id}/statuses`)).body;
    expect(profile.find((s: { id: string }) => s.id === target).filtered).toEqual(expected);

    const hider = await newFilter(me, {
      context: ['notifications'],
      filter_action: 'hide',
      keywords_attributes: [{ keyword: 'buy now' }],
    });
    await post(author, `@${me.username} buy now!`);
    const kept = await post(author, `@${me.username} hello`);
    const notes = (await me.api.get('/api/v1/notifications')).body;
    expect(
      notes
        .filter((n: { type: string }) => n.type === 'mention')
        .map((n: { status: { id: string } }) => n.status.id),
    ).toEqual([kept]);
    expect(hider.filter_action).toBe('hide');
  });

  it('an expired filter no longer applies', async () => {
    const { me, author } = await pair();
    await newFilter(me, {
      filter_action: 'hide',
      expires_in: 60,
      keywords_attributes: [{ keyword: 'soon' }],
    });
    const s = await post(author, 'soon gone');
    expect(ids((await me.api.get('/api/v1/timelines/home')).body)).toEqual([]);
    clock += 61_000;
    expect(ids((await me.api.get('/api/v1/timelines/home')).body)).toEqual([s]);
  });

  it('the user stream drops hidden statuses, marks warned ones, and picks up filters made while open', async () => {
    const { me, author } = await pair();
    await newFilter(me, { filter_action: 'hide', keywords_attributes: [{ keyword: 'secret' }] });
    const c = new SseClient(`${server.url}/api/v1/streaming/user`, { authorization: `Bearer ${me.token}` });
    open.push(c);
    await c.opened;
    await c.live;
    await post(author, 'the secret plan');
    const before = await post(author, 'spoiler ahead');
    const warn = await newFilter(me, { keywords_attributes: [{ keyword: 'spoiler' }] });
    const after = await post(author, 'another spoiler');
    const updates = () => c.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data));
    await c.waitFor(() => updates().some((s) => s.id === after));
    expect(updates().map((s) => s.id)).toEqual([before, after]);
    expect(updates()[0].filtered).toEqual([]);
    expect(updates()[1].filtered).toEqual([
      { filter: warn, keyword_matches: ['spoiler'], status_matches: null },
    ]);
  });
});
