import { openApiDocument } from '@hashchat/api/openapi';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, createContext } from '../src/context';
import { buildApp } from '../src/http/app';
import { Api } from './support/client';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
  testConfig,
} from './support/test-server';

/** `GET /api/v1/chats/:id` and `/calendar/:file(^…$)` in OpenAPI form: `/api/v1/chats/{id}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');

/** The web app's files (with their pre-compressed copies) and its fallback: not API operations. */
const isWebApp = (url: string) =>
  url === '/' || url === '/*' || /^\/index\.html(\.br|\.gz)?$/.test(url) || url.startsWith('/assets/');

let db: TestDatabase;
let ctx: Context;
const registered: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = await createContext(await testConfig(db));
  const app = await buildApp(ctx, {
    onRoute: (r: RouteOptions) => {
      // The fediverse's routes (actors, WebFinger, inboxes) speak ActivityPub, not the client API.
      if (r.websocket || isWebApp(r.url) || (r.config as { federation?: boolean } | undefined)?.federation)
        return;
      for (const m of [r.method].flat()) {
        if (m !== 'HEAD' && m !== 'OPTIONS') registered.push(`${m} ${openApiPath(r.url)}`);
      }
    },
  });
  await app.ready();
  await app.close();
});
afterAll(async () => {
  await ctx?.close();
  await db?.drop();
});

const doc = openApiDocument({ version: 'test' }) as { paths: Record<string, Record<string, unknown>> };
type RequestOp = {
  parameters?: { name: string; in: string }[];
  requestBody?: {
    content: Record<string, { schema: { $ref?: string; properties?: Record<string, unknown> } }>;
  };
};
/** A body schema, or the component it refers to. */
const resolve = (schema: { $ref?: string; properties?: Record<string, unknown> } | undefined) =>
  schema?.$ref
    ? (
        doc as unknown as {
          components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
        }
      ).components.schemas[schema.$ref.split('/').pop() ?? '']
    : (schema ?? {});
const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the server registers', () => {
    expect(registered.length).toBeGreaterThan(100);
    expect(registered.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('documents no route the server does not have', () => {
    expect(documented.filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('describes requests with the schemas the server parses them with', () => {
    type Op = {
      parameters?: { name: string; in: string }[];
      requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
    };
    const op = (path: string, method: string) => (doc.paths[path] as Record<string, Op>)[method];
    const query = (path: string) =>
      (op(path, 'get').parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query('/api/v1/timelines/tag/{hashtag}')).toEqual(
      expect.arrayContaining([
        'max_id',
        'since_id',
        'min_id',
        'limit',
        'local',
        'only_media',
        'any',
        'all',
        'none',
      ]),
    );
    expect(query('/api/v1/notifications')).toEqual(
      expect.arrayContaining(['types', 'exclude_types', 'account_id']),
    );
    const body =
      op('/api/v1/statuses', 'post').requestBody?.content['application/json'].schema.properties ?? {};
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['status', 'in_reply_to_id', 'visibility', 'media_ids', 'scheduled_at', 'poll']),
    );
    expect(
      Object.keys(
        op('/api/v1/accounts/{id}/follow', 'post').requestBody?.content['application/json'].schema
          .properties ?? {},
      ),
    ).toEqual(['reblogs', 'notify']);
  });

  it('describes each path parameter with the schema its route parses', () => {
    type Param = { name: string; in: string; schema: Record<string, unknown> };
    const pathParams = (path: string, method: string) =>
      Object.fromEntries(
        ((doc.paths[path] as Record<string, { parameters?: Param[] }>)[method].parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, p.schema]),
      );
    expect(pathParams('/api/v1/statuses/{id}', 'get')).toEqual({
      id: { type: 'string', pattern: '^[0-9]{1,18}$' },
    });
    expect(pathParams('/api/v1/tags/{name}', 'get')).toEqual({
      name: { type: 'string', minLength: 1, maxLength: 200 },
    });
    expect(pathParams('/api/v1/chats/{id}/co_hosts/{account_id}', 'delete')).toEqual({
      id: { type: 'integer', exclusiveMinimum: 0 },
      account_id: { type: 'integer', exclusiveMinimum: 0 },
    });
    expect(pathParams('/api/v1/sessions/{id}/spotlight/{status_id}', 'delete')).toMatchObject({
      id: { pattern: '^[0-9]{1,18}$' },
    });
    // Every parameter of every path has a typed schema.
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: Param[] }>>,
    ))
      for (const o of Object.values(methods))
        for (const p of (o.parameters ?? []).filter((x) => x.in === 'path'))
          if (typeof p.schema.type !== 'string') untyped.push(`${path} {${p.name}}`);
    expect(untyped).toEqual([]);
  });

  // One route or more of each group whose request schemas live in @hashchat/api/requests/*:
  // the document names the fields the server's schema takes, no more and no fewer.
  it.each([
    [
      'post',
      '/api/v1/chats',
      'body',
      ['hashtag', 'title', 'description', 'category', 'language', 'time_zone', 'rules', 'schedule'],
    ],
    [
      'patch',
      '/api/v1/chats/{id}',
      'body',
      [
        'title',
        'description',
        'category',
        'language',
        'time_zone',
        'rules',
        'schedule',
        'fediverse_announces',
        'hashtag',
      ],
    ],
    [
      'get',
      '/api/v1/chats',
      'query',
      ['max_id', 'since_id', 'min_id', 'limit', 'state', 'category', 'language', 'q', 'host_id', 'following'],
    ],
    [
      'get',
      '/api/v1/chats/directory',
      'query',
      ['category', 'language', 'q', 'time_zone', 'days', 'soon_minutes'],
    ],
    [
      'post',
      '/api/v1/chats/{id}/sessions',
      'body',
      ['title', 'starts_at', 'ends_at', 'duration_minutes', 'guests', 'extra_tag', 'event_id'],
    ],
    ['post', '/api/v1/chats/{id}/events', 'body', ['name', 'description', 'sessions']],
    [
      'patch',
      '/api/v1/sessions/{id}',
      'body',
      ['title', 'starts_at', 'ends_at', 'guests', 'extra_tag', 'agenda_public', 'curated_threshold'],
    ],
    ['get', '/api/v1/chats/{id}/sessions', 'query', ['state', 'order', 'cursor', 'limit']],
    ['post', '/api/v1/chats/{id}/co_hosts', 'body', ['account_id']],
    ['post', '/api/v1/chats/categories', 'body', ['name', 'slug']],
    ['patch', '/api/v1/chats/preferences', 'body', ['reminder_minutes']],
    [
      'post',
      '/api/v1/sessions/{id}/questions',
      'body',
      ['text', 'offset_minutes', 'kind', 'image_url', 'image_alt', 'media_id'],
    ],
    [
      'patch',
      '/api/v1/questions/{id}',
      'body',
      ['text', 'offset_minutes', 'kind', 'image_url', 'image_alt', 'media_id'],
    ],
    ['post', '/api/v1/sessions/{id}/questions/reorder', 'body', ['ids']],
    [
      'get',
      '/api/v1/sessions/{id}/room',
      'query',
      ['max_id', 'since_id', 'min_id', 'limit', 'only', 'question', 'console'],
    ],
    ['post', '/api/v1/sessions/{id}/spotlight', 'body', ['status_id']],
    [
      'post',
      '/api/v1/sessions/{id}/moderation',
      'body',
      ['action', 'status_id', 'account_id', 'duration_minutes', 'reason', 'category'],
    ],
    ['get', '/api/v1/chats/{id}/moderation', 'query', ['max_id', 'limit']],
    [
      'patch',
      '/api/v1/chats/{id}/moderation_settings',
      'body',
      ['slow_mode_seconds', 'word_filter', 'min_account_age_days'],
    ],
    ['post', '/api/v1/chats/{id}/reports', 'body', ['status_id', 'account_id', 'category', 'comment']],
    ['get', '/api/v1/chats/{id}/reports', 'query', ['state', 'max_id', 'limit']],
    ['put', '/api/v1/sessions/{id}/town_hall', 'body', ['town_hall', 'submission_marker']],
    ['get', '/api/v1/sessions/{id}/submissions', 'query', ['sort', 'state', 'cursor', 'limit']],
    ['post', '/api/v1/submissions/{id}/merge', 'body', ['into_id', 'reason']],
    ['post', '/api/v1/accounts/{id}/mute', 'body', ['notifications', 'duration']],
    [
      'get',
      '/api/v1/sessions/{id}/transcript',
      'query',
      ['order', 'max_id', 'min_id', 'question_number', 'kind', 'limit'],
    ],
    ['get', '/api/v1/chats/{id}/stats', 'query', ['limit']],
    [
      'post',
      '/api/v1/admin/domain_blocks',
      'body',
      [
        'domain',
        'severity',
        'reject_media',
        'reject_reports',
        'private_comment',
        'public_comment',
        'obfuscate',
      ],
    ],
    [
      'put',
      '/api/v1/admin/domain_blocks/{id}',
      'body',
      ['severity', 'reject_media', 'reject_reports', 'private_comment', 'public_comment', 'obfuscate'],
    ],
    ['post', '/api/v1/admin/domain_allows', 'body', ['domain']],
    ['get', '/api/v1/admin/domain_blocks', 'query', ['max_id', 'since_id', 'min_id', 'limit']],
    ['post', '/api/v1/lists', 'body', ['title', 'replies_policy', 'exclusive']],
    ['post', '/api/v1/lists/{id}/accounts', 'body', ['account_ids']],
    ['get', '/api/v1/lists/{id}/accounts', 'query', ['max_id', 'since_id', 'min_id', 'limit']],
    [
      'post',
      '/api/v2/filters',
      'body',
      ['title', 'context', 'filter_action', 'expires_in', 'keywords_attributes'],
    ],
    ['put', '/api/v2/filters/keywords/{id}', 'body', ['keyword', 'whole_word']],
    ['post', '/api/v2/filters/{filter_id}/statuses', 'body', ['status_id']],
    ['get', '/api/v1/streaming/hashtag', 'query', ['tag']],
    ['get', '/api/v1/streaming/list', 'query', ['list']],
    ['get', '/api/v1/streaming/chat', 'query', ['chat_id', 'session_id', 'curated']],
  ] as const)('describes %s %s: its %s', (method, path, part, fields) => {
    const o = (doc.paths[path] as Record<string, RequestOp>)[method];
    const names =
      part === 'query'
        ? (o.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
        : Object.keys(resolve(o.requestBody?.content['application/json'].schema).properties ?? {});
    expect(names.sort()).toEqual([...fields].sort());
  });

  it('refers only to schemas it defines', () => {
    const text = JSON.stringify(doc);
    const components = (doc as unknown as { components: { schemas: Record<string, unknown> } }).components
      .schemas;
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].filter((r) => !(r in components))).toEqual([]);
  });
});

describe('GET /api/openapi.json and /api/docs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the document with this server as its server URL', async () => {
    const res = await new Api(server.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    expect(res.body.servers).toEqual([{ url: server.ctx.config.publicUrl }]);
    expect(
      res.body.paths['/api/v1/statuses/{id}'].get.responses['200'].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/Status',
    });
  });

  it('serves a reference page without scripts that lists operations by tag', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\/(?!json-schema)[^"]*\.(js|css)/);
    expect(html).toContain('<h2 id="tag-chats">chats</h2>');
    expect(html).toContain('<code>/api/v1/timelines/tag/{hashtag}</code>');
    expect(html).toContain('id="schema-Status"');
  });
});
