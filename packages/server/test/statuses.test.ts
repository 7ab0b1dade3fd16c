import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { countRows } from './support/db';
import { encodeBody } from './support/oauth';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let anon: Api;
let alice: User;
let bob: User;
let carol: User;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
  [alice, bob, carol] = await Promise.all([
    registerUser(server.url),
    registerUser(server.url),
    registerUser(server.url),
  ]);
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('creating statuses', () => {
  it.each(['json', 'form', 'multipart'] as const)('accepts a %s body', async (kind) => {
    const res = await alice.api.post(
      '/api/v1/statuses',
      encodeBody(kind, {
        status: `hello from ${kind}`,
        visibility: 'unlisted',
        sensitive: 'true',
        spoiler_text: 'cw',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      visibility: 'unlisted',
      sensitive: true,
      spoiler_text: 'cw',
      account: { id: alice.id },
    });
    expect(res.body.content).toBe(`<p>hello from ${kind}</p>`);
    expect((await anon.get(`/api/v1/statuses/${res.body.id}`)).body.id).toBe(res.body.id);
  });

  it('counts the status on the author', async () => {
    const u = await registerUser(server.url);
    await u.api.post('/api/v1/statuses', { status: 'one' });
    const acct = (await anon.get(`/api/v1/accounts/${u.id}`)).body;
    expect(acct.statuses_count).toBe(1);
    expect(acct.last_status_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('accepts exactly 500 characters (code points, not UTF-16 units)', async () => {
    const res = await alice.api.post('/api/v1/statuses', { status: '😀'.repeat(500) });
    expect(res.status).toBe(200);
  });

  it.each([
    ['501 characters', { status: 'x'.repeat(501) }],
    ['an empty status', { status: '' }],
    ['a blank status', { status: '   \n ' }],
    ['no status field', {}],
    ['an unknown visibility', { status: 'x', visibility: 'everyone' }],
  ])('refuses %s with 422 and writes nothing', async (_n, body) => {
    const before = await countRows(server, 'statuses');
    const events = await countRows(server, 'events');
    const res = await alice.api.post('/api/v1/statuses', body);
    expect(res.status).toBe(422);
    expect(typeof res.body.error).toBe('string');
    expect(await countRows(server, 'statuses')).toBe(before);
    expect(await countRows(server, 'events')).toBe(events);
  });

  it('needs a token', async () => {
    expect((await anon.post('/api/v1/statuses', { status: 'x' })).status).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('returns the same status for the same key, creating one', async () => {
    const u = await registerUser(server.url);
    const before = await countRows(server, 'statuses');
    const post = () => u.api.post('/api/v1/statuses', { status: 'once' }, { 'idempotency-key': 'k-1' });
    const a = await post();
    const b = await post();
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(await countRows(server, 'statuses')).toBe(before + 1);
    expect((await anon.get(`/api/v1/accounts/${u.id}`)).body.statuses_count).toBe(1);
  });

  it('two concurrent requests with one key create one status', async () => {
    const u = await registerUser(server.url);
    const before = await countRows(server, 'statuses');
    const eventsBefore = await countRows(server, 'events');
    const results = await Promise.all(
      [0, 1, 2, 3].map(() =>
        u.api.post('/api/v1/statuses', { status: 'race #racing' }, { 'idempotency-key': 'same' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countRows(server, 'statuses')).toBe(before + 1);
    expect(await countRows(server, 'events')).toBe(eventsBefore + 1);
  });

  it('a key whose status was deleted posts anew instead of failing', async () => {
    const u = await registerUser(server.url);
    const first = await u.api.post('/api/v1/statuses', { status: 'v1' }, { 'idempotency-key': 'redraft' });
    await u.api.delete(`/api/v1/statuses/${first.body.id}`);
    const again = await u.api.post('/api/v1/statuses', { status: 'v2' }, { 'idempotency-key': 'redraft' });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.body.id);
    expect(again.body.content).toBe('<p>v2</p>');
  });

  it('a key is honoured for an hour, then posts anew', async () => {
    let clock = Date.now();
    const timed = await startTestServer({ now: () => clock });
    try {
      const u = await registerUser(timed.url);
      const api = new Api(timed.url, u.token);
      const first = await api.post('/api/v1/statuses', { status: 'timed' }, { 'idempotency-key': 'hourly' });
      clock += 59 * 60_000;
      expect(
        (await api.post('/api/v1/statuses', { status: 'timed' }, { 'idempotency-key': 'hourly' })).body.id,
      ).toBe(first.body.id);
      clock += 2 * 60_000;
      const later = await api.post('/api/v1/statuses', { status: 'timed' }, { 'idempotency-key': 'hourly' });
      expect(later.status).toBe(200);
      expect(later.body.id).not.toBe(first.body.id);
    } finally {
      await timed.close();
    }
  });

  it('keys are per account', async () => {
    const a = await alice.api.post('/api/v1/statuses', { status: 'a' }, { 'idempotency-key': 'shared-key' });
    const b = await bob.api.post('/api/v1/statuses', { status: 'b' }, { 'idempotency-key': 'shared-key' });
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.account.id).toBe(bob.id);
  });

  it('the metric counts one created status for a repeated key', async () => {
    const metric = async () =>
      Number(
        /^hashchat_statuses_created_total (\d+)/m.exec(
          await (await fetch(`${server.url}/metrics`)).text(),
        )?.[1],
      );
    const before = await metric();
    await Promise.all(
      [0, 1, 2].map(() =>
        alice.api.post('/api/v1/statuses', { status: 'm' }, { 'idempotency-key': 'metric-key' }),
      ),
    );
    expect(await metric()).toBe(before + 1);
  });
});

describe('replies and context', () => {
  it('counts replies and builds ancestors and descendants', async () => {
    const root = (await alice.api.post('/api/v1/statuses', { status: 'root' })).body;
    const r1 = (await bob.api.post('/api/v1/statuses', { status: 'r1', in_reply_to_id: root.id })).body;
    const r2 = (await alice.api.post('/api/v1/statuses', { status: 'r2', in_reply_to_id: r1.id })).body;
    const r3 = (await carol.api.post('/api/v1/statuses', { status: 'r3', in_reply_to_id: root.id })).body;
    expect(r1).toMatchObject({ in_reply_to_id: root.id, in_reply_to_account_id: alice.id });
    expect((await anon.get(`/api/v1/statuses/${root.id}`)).body.replies_count).toBe(2);
    const ctxRoot = (await anon.get(`/api/v1/statuses/${root.id}/context`)).body;
    expect(ctxRoot.ancestors).toEqual([]);
    expect(ids(ctxRoot.descendants)).toEqual([r1.id, r2.id, r3.id]);
    const ctxR2 = (await anon.get(`/api/v1/statuses/${r2.id}/context`)).body;
    expect(ids(ctxR2.ancestors)).toEqual([root.id, r1.id]);
    expect(ctxR2.descendants).toEqual([]);
  });

  it('deleting a reply lowers replies_count', async () => {
    const root = (await alice.api.post('/api/v1/statuses', { status: 'root' })).body;
    const r = (await bob.api.post('/api/v1/statuses', { status: 'r', in_reply_to_id: root.id })).body;
    await bob.api.delete(`/api/v1/statuses/${r.id}`);
    expect((await anon.get(`/api/v1/statuses/${root.id}`)).body.replies_count).toBe(0);
  });

  it('a reply to a missing status is 404 and writes nothing', async () => {
    const before = await countRows(server, 'statuses');
    const res = await alice.api.post('/api/v1/statuses', { status: 'to nowhere', in_reply_to_id: '999999' });
    expect(res.status).toBe(404);
    expect(await countRows(server, 'statuses')).toBe(before);
  });

  it('a reply to a status the author cannot see is 404', async () => {
    const secret = (
      await alice.api.post('/api/v1/statuses', { status: `dm @${carol.username}`, visibility: 'direct' })
    ).body;
    const res = await bob.api.post('/api/v1/statuses', { status: 'peek', in_reply_to_id: secret.id });
    expect(res.status).toBe(404);
  });
});

describe('visibility', () => {
  it.each(['private', 'direct'] as const)(
    '%s statuses are 404 to strangers and anonymous readers',
    async (visibility) => {
      const s = (
        await alice.api.post('/api/v1/statuses', { status: `secret #hidden${visibility}`, visibility })
      ).body;
      expect((await anon.get(`/api/v1/statuses/${s.id}`)).status).toBe(404);
      expect((await bob.api.get(`/api/v1/statuses/${s.id}`)).status).toBe(404);
      expect((await bob.api.get(`/api/v1/statuses/${s.id}/context`)).status).toBe(404);
      expect((await bob.api.post(`/api/v1/statuses/${s.id}/favourite`)).status).toBe(404);
      expect((await alice.api.get(`/api/v1/statuses/${s.id}`)).status).toBe(200);
      expect((await anon.get(`/api/v1/timelines/tag/hidden${visibility}`)).body).toEqual([]);
      expect((await alice.api.get(`/api/v1/timelines/tag/hidden${visibility}`)).body).toEqual([]);
      expect(ids((await anon.get('/api/v1/timelines/public?limit=40')).body)).not.toContain(s.id);
    },
  );

  it('private statuses are visible to followers; direct ones to the mentioned only', async () => {
    const follower = await registerUser(server.url);
    await follower.api.post(`/api/v1/accounts/${alice.id}/follow`);
    const priv = (await alice.api.post('/api/v1/statuses', { status: 'followers', visibility: 'private' }))
      .body;
    const dm = (
      await alice.api.post('/api/v1/statuses', { status: `hi @${carol.username}`, visibility: 'direct' })
    ).body;
    expect((await follower.api.get(`/api/v1/statuses/${priv.id}`)).status).toBe(200);
    expect((await follower.api.get(`/api/v1/statuses/${dm.id}`)).status).toBe(404);
    expect((await carol.api.get(`/api/v1/statuses/${dm.id}`)).status).toBe(200);
  });

  it('private and direct statuses cannot be reblogged', async () => {
    const dm = (
      await alice.api.post('/api/v1/statuses', { status: `hi @${carol.username}`, visibility: 'direct' })
    ).body;
    expect((await carol.api.post(`/api/v1/statuses/${dm.id}/reblog`)).status).toBe(404);
  });
});

describe('deleting', () => {
  it('deletes your own status and returns it with its text', async () => {
    const s = (await alice.api.post('/api/v1/statuses', { status: 'bye <now>' })).body;
    const res = await alice.api.delete(`/api/v1/statuses/${s.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, text: 'bye <now>' });
    expect((await anon.get(`/api/v1/statuses/${s.id}`)).status).toBe(404);
    expect((await alice.api.delete(`/api/v1/statuses/${s.id}`)).status).toBe(404);
  });

  it("refuses to delete someone else's public status (403) and hides their private one (404)", async () => {
    const pub = (await alice.api.post('/api/v1/statuses', { status: 'mine' })).body;
    const priv = (await alice.api.post('/api/v1/statuses', { status: 'mine too', visibility: 'private' }))
      .body;
    expect((await bob.api.delete(`/api/v1/statuses/${pub.id}`)).status).toBe(403);
    expect((await bob.api.delete(`/api/v1/statuses/${priv.id}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/statuses/${pub.id}`)).status).toBe(200);
  });

  it('deleting a status removes its reblogs', async () => {
    const s = (await alice.api.post('/api/v1/statuses', { status: 'to be reblogged' })).body;
    const rb = (await bob.api.post(`/api/v1/statuses/${s.id}/reblog`)).body;
    await alice.api.delete(`/api/v1/statuses/${s.id}`);
    expect((await anon.get(`/api/v1/statuses/${rb.id}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/accounts/${bob.id}`)).body.statuses_count).toBe(
      (await anon.get(`/api/v1/accounts/${bob.id}/statuses?limit=40`)).body.length,
    );
  });
});

describe('favourites and reblogs', () => {
  it('favourite and unfavourite update count and flag, idempotently', async () => {
    const s = (await alice.api.post('/api/v1/statuses', { status: 'like me' })).body;
    const fav = await bob.api.post(`/api/v1/statuses/${s.id}/favourite`);
    expect(fav.status).toBe(200);
    expect(fav.body).toMatchObject({ id: s.id, favourited: true, favourites_count: 1 });
    expect((await bob.api.post(`/api/v1/statuses/${s.id}/favourite`)).body.favourites_count).toBe(1);
    expect((await carol.api.post(`/api/v1/statuses/${s.id}/favourite`)).body.favourites_count).toBe(2);
    expect((await bob.api.get(`/api/v1/statuses/${s.id}`)).body.favourited).toBe(true);
    expect((await alice.api.get(`/api/v1/statuses/${s.id}`)).body.favourited).toBe(false);
    const by = await anon.get(`/api/v1/statuses/${s.id}/favourited_by`);
    expect(ids(by.body).sort()).toEqual([bob.id, carol.id].sort());
    const unfav = await bob.api.post(`/api/v1/statuses/${s.id}/unfavourite`);
    expect(unfav.body).toMatchObject({ favourited: false, favourites_count: 1 });
    expect((await bob.api.post(`/api/v1/statuses/${s.id}/unfavourite`)).body.favourites_count).toBe(1);
  });

  it('reblog returns the wrapper; counts, flags and reblogged_by follow; unreblog reverts', async () => {
    const s = (await alice.api.post('/api/v1/statuses', { status: 'share me' })).body;
    const rb = await bob.api.post(`/api/v1/statuses/${s.id}/reblog`);
    expect(rb.status).toBe(200);
    expect(rb.body.account.id).toBe(bob.id);
    expect(rb.body.reblog).toMatchObject({ id: s.id, reblogged: true, reblogs_count: 1 });
    expect(rb.body.reblogged).toBe(true);
    // Reblogging twice returns the same wrapper.
    expect((await bob.api.post(`/api/v1/statuses/${s.id}/reblog`)).body.id).toBe(rb.body.id);
    expect((await bob.api.get(`/api/v1/statuses/${s.id}`)).body).toMatchObject({
      reblogged: true,
      reblogs_count: 1,
    });
    expect(ids((await anon.get(`/api/v1/statuses/${s.id}/reblogged_by`)).body)).toEqual([bob.id]);
    const un = await bob.api.post(`/api/v1/statuses/${s.id}/unreblog`);
    expect(un.body).toMatchObject({ id: s.id, reblogged: false, reblogs_count: 0 });
    expect((await anon.get(`/api/v1/statuses/${rb.body.id}`)).status).toBe(404);
    expect((await anon.get(`/api/v1/statuses/${s.id}/reblogged_by`)).body).toEqual([]);
  });

  it('favouriting a reblog wrapper favourites the original', async () => {
    const s = (await alice.api.post('/api/v1/statuses', { status: 'orig' })).body;
    const rb = (await bob.api.post(`/api/v1/statuses/${s.id}/reblog`)).body;
    const fav = await carol.api.post(`/api/v1/statuses/${rb.id}/favourite`);
    expect(fav.body).toMatchObject({ id: s.id, favourited: true, favourites_count: 1 });
  });

  it('actions on a missing status are 404', async () => {
    for (const a of ['favourite', 'unfavourite', 'reblog', 'unreblog']) {
      expect((await bob.api.post(`/api/v1/statuses/999999/${a}`)).status).toBe(404);
    }
  });
});

describe('content', () => {
  it('links tags, known mentions and URLs with rel="nofollow noopener noreferrer"', async () => {
    const s = (
      await alice.api.post('/api/v1/statuses', {
        status: `#Chat with @${bob.username} at https://example.com/x?y=1 and @nobody_known`,
      })
    ).body;
    expect(s.content).toContain(
      `<a href="${server.url}/tags/chat" class="mention hashtag" rel="nofollow noopener noreferrer" target="_blank">#<span>Chat</span></a>`,
    );
    expect(s.content).toContain(
      `<span class="h-card"><a href="${server.url}/@${bob.username}" class="u-url mention" rel="nofollow noopener noreferrer" target="_blank">@<span>${bob.username}</span></a></span>`,
    );
    expect(s.content).toContain(
      '<a href="https://example.com/x?y=1" rel="nofollow noopener noreferrer" target="_blank">https://example.com/x?y=1</a>',
    );
    expect(s.content).toContain('@nobody_known');
    expect(s.content).not.toContain('href="undefined"');
    expect(s.mentions).toEqual([
      { id: bob.id, username: bob.username, acct: bob.username, url: `${server.url}/@${bob.username}` },
    ]);
  });

  it('escapes HTML the user typed', async () => {
    const s = (
      await alice.api.post('/api/v1/statuses', { status: '<script>alert("x")</script> & <b>bold</b>' })
    ).body;
    expect(s.content).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>',
    );
  });

  it('keeps line breaks from a multipart body as <br>, not stray carriage returns', async () => {
    const s = (
      await alice.api.post(
        '/api/v1/statuses',
        encodeBody('multipart', { status: 'line one\nline two\n\npara two' }),
      )
    ).body;
    expect(s.content).toBe('<p>line one<br>line two</p><p>para two</p>');
  });

  it.each([
    ['#日本語 のテスト', ['日本語']],
    ['full-width ＃タグ です', ['タグ']],
    ['#c++ is a language', ['c']],
    ['#Tag and #TAG and #tag', ['Tag']],
    ['not#atag, #2024 alone, &#39; entity', []],
    ['#café #CAFÉ', ['café']],
  ])('extracts tags from %j', async (text, expected) => {
    const s = (await alice.api.post('/api/v1/statuses', { status: text })).body;
    expect(s.tags.map((t: { name: string }) => t.name)).toEqual(expected);
  });

  it('full-width and case variants of a tag reach one tag timeline', async () => {
    const a = (await alice.api.post('/api/v1/statuses', { status: '＃Ｗｉｄｅ one' })).body;
    const b = (await alice.api.post('/api/v1/statuses', { status: '#wide two' })).body;
    expect(ids((await anon.get('/api/v1/timelines/tag/WIDE')).body)).toEqual([b.id, a.id]);
  });
});
