// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreMessageQueue } from '../src/federation/message-queue';
import { StoreDomainPolicy } from '../src/federation/store-domain-policy';
import { recordDelivery } from '../src/store/federation-deliveries';
import { Api, registerUser, send } from './support/client';
import { countRows } from './support/db';
import { startInProcessServer } from './support/in-process';
import type { TestServer } from './support/test-server';
import { waitFor } from './support/wait';
import { webSignUp } from './support/web-session';

const ADMIN_SCOPES = 'read write follow push admin:read admin:write';

let server: TestServer;
let anon: Api;
const as = {} as Record<'admin' | 'adminNoScope' | 'moderator' | 'user', Api>;

beforeAll(async () => {
  server = await startInProcessServer();
  anon = new Api(server.url);
  const setRole = async (id: string, role: 'admin' | 'moderator') =>
    server.ctx.store.db.updateTable('accounts').set({ role }).where('id', '=', Number(id)).execute();
  const admin = await registerUser(server.url, undefined, ADMIN_SCOPES);
  await setRole(admin.id, 'admin');
  as.admin = admin.api;
  const adminNoScope = await registerUser(server.url);
  await setRole(adminNoScope.id, 'admin');
  as.adminNoScope = adminNoScope.api;
  const moderator = await registerUser(server.url, undefined, ADMIN_SCOPES);
  await setRole(moderator.id, 'moderator');
  as.moderator = moderator.api;
  as.user = (await registerUser(server.url, undefined, ADMIN_SCOPES)).api;
});
afterAll(async () => {
  await server?.close();
});

async function ok(res: Promise<{ status: number; body: any }>) {
  const r = await res;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

describe('who may manage federation', () => {
  let blockId: string;
  let allowId: string;
  beforeAll(async () => {
    blockId = (await ok(as.admin.post('/api/v1/admin/domain_blocks', { domain: 'matrix.example' }))).id;
    allowId = (await ok(as.admin.post('/api/v1/admin/domain_allows', { domain: 'matrix.example' }))).id;
  });

  const requests: [string, () => [string, string, unknown?]][] = [
    ['GET /admin/domain_blocks', () => ['GET', '/api/v1/admin/domain_blocks']],
    ['GET /admin/domain_blocks/:id', () => ['GET', `/api/v1/admin/domain_blocks/${blockId}`]],
    ['POST /admin/domain_blocks', () => ['POST', '/api/v1/admin/domain_blocks', { domain: 'new.example' }]],
    [
      'PUT /admin/domain_blocks/:id',
      () => ['PUT', `/api/v1/admin/domain_blocks/${blockId}`, { severity: 'suspend' }],
    ],
    ['DELETE /admin/domain_blocks/:id', () => ['DELETE', `/api/v1/admin/domain_blocks/${blockId}`]],
    ['GET /admin/domain_allows', () => ['GET', '/api/v1/admin/domain_allows']],
    ['GET /admin/domain_allows/:id', () => ['GET', `/api/v1/admin/domain_allows/${allowId}`]],
    ['POST /admin/domain_allows', () => ['POST', '/api/v1/admin/domain_allows', { domain: 'new.example' }]],
    ['DELETE /admin/domain_allows/:id', () => ['DELETE', `/api/v1/admin/domain_allows/${allowId}`]],
    ['GET /admin/federation/status', () => ['GET', '/api/v1/admin/federation/status']],
  ];

  it.each(requests)(
    '%s: anonymous 401; user, moderator, admin without admin scopes 403; nothing changes',
    async (_, req) => {
      const [method, path, body] = req();
      const before = [await countRows(server, 'domain_blocks'), await countRows(server, 'domain_allows')];
      expect((await anon.request(method, path, body)).status).toBe(401);
      for (const who of ['user', 'moderator', 'adminNoScope'] as const) {
        const res = await as[who].request(method, path, body);
        expect([who, res.status, res.body]).toEqual([who, 403, { error: expect.any(String) }]);
      }
      expect([await countRows(server, 'domain_blocks'), await countRows(server, 'domain_allows')]).toEqual(
        before,
      );
    },
  );

  it.each(requests)('%s: an admin may', async (_, req) => {
    const [method, path, body] = req();
    const res = await as.admin.request(method, path, body);
    expect(res.status).toBe(200);
    if (method === 'DELETE') {
      // Put the record back for the rows after this one.
      if (path.includes('blocks'))
        blockId = (await ok(as.admin.post('/api/v1/admin/domain_blocks', { domain: 'matrix.example' }))).id;
      else
        allowId = (await ok(as.admin.post('/api/v1/admin/domain_allows', { domain: 'matrix.example' }))).id;
    }
  });
});

describe('the web app’s cookie session', () => {
  it('reaches the admin API for an admin only, with its CSRF token on writes', async () => {
    const web = async (
      session: { cookie: string; csrf: string },
      method: string,
      path: string,
      body?: unknown,
    ) =>
      send(server.url + path, {
        method,
        headers: {
          cookie: session.cookie,
          'content-type': 'application/json',
          ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const user = await webSignUp(server.url);
    expect((await web(user, 'GET', '/api/v1/admin/federation/status')).status).toBe(403);
    expect((await web(user, 'POST', '/api/v1/admin/domain_blocks', { domain: 'web.example' })).status).toBe(
      403,
    );
    const admin = await webSignUp(server.url);
    await server.ctx.store.db
      .updateTable('accounts')
      .set({ role: 'admin' })
      .where('username', '=', admin.name)
      .execute();
    expect((await web(admin, 'GET', '/api/v1/admin/federation/status')).status).toBe(200);
    const created = await web(admin, 'POST', '/api/v1/admin/domain_blocks', { domain: 'web.example' });
    expect(created.status).toBe(200);
    const noCsrf = await send(`${server.url}/api/v1/admin/domain_blocks/${(await created.json()).id}`, {
      method: 'DELETE',
      headers: { cookie: admin.cookie },
    });
    expect(noCsrf.status).toBe(403);
  });
});

describe('domain blocks', () => {
  it('stores the canonical domain and answers in Mastodon’s shape', async () => {
    const block = await ok(
      as.admin.post('/api/v1/admin/domain_blocks', {
        domain: 'https://Spam.EXAMPLE./about',
        severity: 'suspend',
        public_comment: 'Spam, again and again',
        private_comment: 'Reports 12, 19',
        obfuscate: true,
      }),
    );
    expect(block).toEqual({
      id: expect.any(String),
      domain: 'spam.example',
      digest: createHash('sha256').update('spam.example').digest('hex'),
      created_at: expect.stringMatching(/Z$/),
      severity: 'suspend',
      reject_media: false,
      reject_reports: false,
      private_comment: 'Reports 12, 19',
      public_comment: 'Spam, again and again',
      obfuscate: true,
    });
    expect(await ok(as.admin.get(`/api/v1/admin/domain_blocks/${block.id}`))).toEqual(block);
    const listed = await ok(as.admin.get('/api/v1/admin/domain_blocks'));
    expect(listed.map((b: any) => b.domain)).toContain('spam.example');
    const idn = await ok(as.admin.post('/api/v1/admin/domain_blocks', { domain: 'BÜCHER.example' }));
    expect(idn).toMatchObject({ domain: 'xn--bcher-kva.example', severity: 'silence' });
  });

  it.each([
    ['no domain', {}],
    ['an empty domain', { domain: '  ' }],
    ['a domain that names no server', { domain: 'not a domain' }],
    ['a wildcard', { domain: '*.example.com' }],
    ['an unknown severity', { domain: 'noop.example', severity: 'noop' }],
    ['an over-long comment', { domain: 'long.example', public_comment: 'x'.repeat(1001) }],
  ])('refuses %s with 422 and writes nothing', async (_, body) => {
    const before = await countRows(server, 'domain_blocks');
    const res = await as.admin.post('/api/v1/admin/domain_blocks', body);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: expect.stringMatching(/^Validation failed/) });
    expect(await countRows(server, 'domain_blocks')).toBe(before);
  });

  it('refuses a domain blocked already, naming the existing block', async () => {
    const first = await ok(as.admin.post('/api/v1/admin/domain_blocks', { domain: 'twice.example' }));
    const res = await as.admin.post('/api/v1/admin/domain_blocks', { domain: 'TWICE.example.' });
    expect(res.status).toBe(422);
    expect(res.body.existing_domain_block).toMatchObject({ id: first.id, domain: 'twice.example' });
  });

  it('changes and lifts a block; an unknown id is 404', async () => {
    const block = await ok(as.admin.post('/api/v1/admin/domain_blocks', { domain: 'change.example' }));
    const changed = await ok(
      as.admin.request('PUT', `/api/v1/admin/domain_blocks/${block.id}`, {
        severity: 'suspend',
        obfuscate: true,
      }),
    );
    expect(changed).toMatchObject({
      id: block.id,
      domain: 'change.example',
      severity: 'suspend',
      obfuscate: true,
    });
    expect(
      (await as.admin.request('PUT', `/api/v1/admin/domain_blocks/${block.id}`, { severity: 'noop' })).status,
    ).toBe(422);
    expect(await ok(as.admin.delete(`/api/v1/admin/domain_blocks/${block.id}`))).toEqual({});
    expect((await as.admin.get(`/api/v1/admin/domain_blocks/${block.id}`)).status).toBe(404);
    expect((await as.admin.delete(`/api/v1/admin/domain_blocks/${block.id}`)).status).toBe(404);
    expect((await as.admin.get('/api/v1/admin/domain_blocks/abc')).status).toBe(404);
  });

  it('lists moderated servers publicly, obfuscated where asked, without private comments', async () => {
    await ok(
      as.admin.post('/api/v1/admin/domain_blocks', {
        domain: 'hidden-name.example',
        severity: 'silence',
        obfuscate: true,
        private_comment: 'do not show',
      }),
    );
    const res = await anon.get('/api/v1/instance/domain_blocks');
    expect(res.status).toBe(200);
    const hidden = res.body.find(
      (b: any) => b.digest === createHash('sha256').update('hidden-name.example').digest('hex'),
    );
    expect(hidden).toEqual({
      domain: 'hidde******.***mple',
      digest: expect.any(String),
      severity: 'silence',
    });
    expect(res.body.find((b: any) => b.domain === 'spam.example')).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('do not show');
    expect(res.body.find((b: any) => b.comment === 'Spam, again and again')).toMatchObject({
      severity: 'suspend',
    });
  });
});

describe('the domain policy', () => {
  it('suspends or silences a blocked domain and its subdomains, and hears of changes at once', async () => {
    const policy = new StoreDomainPolicy(server.ctx.store, {
      mode: 'open',
      bus: server.ctx.bus,
      refreshMs: 3_600_000,
    });
    try {
      expect(await policy.verdict('evil.example')).toBe('allow');
      const evil = await ok(
        as.admin.post('/api/v1/admin/domain_blocks', { domain: 'Evil.Example', severity: 'suspend' }),
      );
      await ok(
        as.admin.post('/api/v1/admin/domain_blocks', { domain: 'quiet.example', severity: 'silence' }),
      );
      await ok(
        as.admin.post('/api/v1/admin/domain_blocks', { domain: '127.0.0.1:4001', severity: 'suspend' }),
      );
      await waitFor(async () => (await policy.verdict('evil.example')) === 'suspend', { what: 'the block' });
      const cases: [string, string][] = [
        ['evil.example', 'suspend'],
        ['EVIL.example.', 'suspend'],
        ['a.b.evil.example', 'suspend'],
        ['evil.example:8443', 'suspend'],
        ['notevil.example', 'allow'],
        ['evil.example.org', 'allow'],
        ['quiet.example', 'silence'],
        ['loud.quiet.example', 'silence'],
        ['127.0.0.1:4001', 'suspend'],
        ['127.0.0.1:4002', 'allow'],
        ['not a host', 'suspend'],
      ];
      for (const [host, verdict] of cases)
        expect([host, await policy.verdict(host)]).toEqual([host, verdict]);
      await ok(as.admin.delete(`/api/v1/admin/domain_blocks/${evil.id}`));
      await waitFor(async () => (await policy.verdict('a.b.evil.example')) === 'allow', {
        what: 'the lifted block',
      });
    } finally {
      policy.close();
    }
  });

  it('in allow-list mode federates only with allowed domains (and their subdomains), blocks still applying', async () => {
    const policy = new StoreDomainPolicy(server.ctx.store, {
      mode: 'allowlist',
      bus: server.ctx.bus,
      refreshMs: 3_600_000,
    });
    try {
      expect(await policy.verdict('friend.example')).toBe('suspend');
      await ok(as.admin.post('/api/v1/admin/domain_allows', { domain: 'friend.example' }));
      await ok(as.admin.post('/api/v1/admin/domain_allows', { domain: 'quiet.example' }));
      await waitFor(async () => (await policy.verdict('friend.example')) === 'allow', { what: 'the allow' });
      expect(await policy.verdict('social.friend.example')).toBe('allow');
      expect(await policy.verdict('stranger.example')).toBe('suspend');
      expect(await policy.verdict('quiet.example')).toBe('silence');
    } finally {
      policy.close();
    }
  });
});

describe('delivery health', () => {
  it('shows queue depth and per-server outcomes to admins, and the depth in /metrics', async () => {
    const queue = new StoreMessageQueue(server.ctx.store, { owner: 'test' });
    await queue.enqueue({ type: 'outbox', inbox: 'https://down.example/inbox' });
    const now = server.ctx.now();
    await recordDelivery(server.ctx.store.db, 'up.example', { kind: 'delivered' }, now);
    await recordDelivery(server.ctx.store.db, 'down.example', { kind: 'failed', error: 'HTTP 503' }, now);
    await recordDelivery(server.ctx.store.db, 'down.example', { kind: 'given_up', error: 'HTTP 502' }, now);
    const status = await ok(as.admin.get('/api/v1/admin/federation/status'));
    expect(status.mode).toBe('open');
    expect(status.queue).toEqual({ queued: 1, ready: 1, delayed: 0 });
    expect(status.servers[0]).toEqual({
      host: 'down.example',
      attempts: 2,
      failures: 2,
      consecutive_failures: 2,
      given_up: 1,
      last_error: 'HTTP 502',
      last_error_at: new Date(now).toISOString(),
      last_success_at: null,
    });
    expect(status.servers[1]).toMatchObject({
      host: 'up.example',
      failures: 0,
      last_success_at: expect.any(String),
    });
    const metrics = await anon.get('/metrics');
    expect(metrics.body).toMatch(/^hashchat_federation_queue_depth\{state="ready"\} 1$/m);
    expect(metrics.body).toMatch(/^hashchat_federation_queue_depth\{state="delayed"\} 0$/m);
  });
});
