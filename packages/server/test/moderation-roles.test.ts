// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModerationFixture, moderationFixture } from './moderation-fixture';
import { Api } from './support/client';

let f: ModerationFixture;
let followUp: string;
beforeAll(async () => {
  f = await moderationFixture();
  await f.ok(
    f.users.host.api.request('PUT', `/api/v1/sessions/${f.sessionId}/town_hall`, { town_hall: true }),
  );
  followUp = await f.newSession();
});
afterAll(async () => {
  await f?.server.close();
});

type Role = 'anonymous' | 'participant' | 'co-host' | 'host' | 'instance moderator';

/** A fresh question in the town hall, approved when asked, so every row acts on its own. */
async function submission(approved: boolean): Promise<string> {
  f.advance(61_000); // past the per-minute limit on questions
  const s = await f.ok(f.users.ann.api.post(`/api/v1/sessions/${f.sessionId}/submissions`, { text: 'Why?' }));
  if (approved) await f.ok(f.users.host.api.post(`/api/v1/submissions/${s.id}/approve`));
  return s.id;
}

/** Every moderation route: what it needs set up, and the request. */
const routes: [string, () => Promise<[method: string, path: string, body?: unknown]>][] = [
  [
    'POST /sessions/:id/moderation',
    async () => {
      const s = await f.post(f.users.bob.api, `Status #${f.tag}`);
      return ['POST', `/api/v1/sessions/${f.sessionId}/moderation`, { action: 'hide', status_id: s }];
    },
  ],
  ['GET /sessions/:id/moderation', async () => ['GET', `/api/v1/sessions/${f.sessionId}/moderation`]],
  [
    'GET /sessions/:id/moderation/queue',
    async () => ['GET', `/api/v1/sessions/${f.sessionId}/moderation/queue`],
  ],
  ['GET /chats/:id/moderation', async () => ['GET', `/api/v1/chats/${f.chatId}/moderation`]],
  [
    'GET /chats/:id/moderation_settings',
    async () => ['GET', `/api/v1/chats/${f.chatId}/moderation_settings`],
  ],
  [
    'PATCH /chats/:id/moderation_settings',
    async () => ['PATCH', `/api/v1/chats/${f.chatId}/moderation_settings`, { slow_mode_seconds: 0 }],
  ],
  ['GET /chats/:id/reports', async () => ['GET', `/api/v1/chats/${f.chatId}/reports`]],
  [
    'POST /reports/:id/resolve',
    async () => {
      const r = await f.ok(
        f.users.ann.api.post(`/api/v1/chats/${f.chatId}/reports`, {
          account_id: f.users.bob.id,
          category: 'spam',
        }),
      );
      return ['POST', `/api/v1/reports/${r.id}/resolve`, {}];
    },
  ],
  [
    'PUT /sessions/:id/town_hall',
    async () => [
      'PUT',
      `/api/v1/sessions/${f.sessionId}/town_hall`,
      { town_hall: true, submission_marker: '#ask' },
    ],
  ],
  [
    'POST /submissions/:id/approve',
    async () => ['POST', `/api/v1/submissions/${await submission(false)}/approve`],
  ],
  [
    'POST /submissions/:id/dismiss',
    async () => ['POST', `/api/v1/submissions/${await submission(false)}/dismiss`, { reason: 'duplicate' }],
  ],
  [
    'POST /submissions/:id/answering',
    async () => ['POST', `/api/v1/submissions/${await submission(true)}/answering`],
  ],
  [
    'POST /submissions/:id/answered',
    async () => ['POST', `/api/v1/submissions/${await submission(true)}/answered`],
  ],
  [
    'POST /submissions/:id/merge',
    async () => [
      'POST',
      `/api/v1/submissions/${await submission(true)}/merge`,
      { into_id: await submission(true) },
    ],
  ],
  [
    'POST /sessions/:id/submissions/carry_over',
    async () => [
      'POST',
      `/api/v1/sessions/${f.sessionId}/submissions/carry_over`,
      { to_session_id: followUp, limit: 1 },
    ],
  ],
];

const roles: [Role, number][] = [
  ['anonymous', 401],
  ['participant', 403],
  ['co-host', 200],
  ['host', 200],
  ['instance moderator', 200],
];

const apiFor = (role: Role): Api =>
  ({
    anonymous: new Api(f.server.url),
    participant: f.users.cat.api,
    'co-host': f.users.cohost.api,
    host: f.users.host.api,
    'instance moderator': f.users.mod.api,
  })[role];

/** Routes acting on a pending question: a participant who did not ask it may not see it at all. */
const onPending = new Set(['POST /submissions/:id/approve', 'POST /submissions/:id/dismiss']);

describe('who may moderate', () => {
  const cases = routes.flatMap(([name, setup]) =>
    roles.map(
      ([role, status]) =>
        [name, role, role === 'participant' && onPending.has(name) ? 404 : status, setup] as const,
    ),
  );
  it.each(cases)('%s as %s → %i', async (_name, role, status, setup) => {
    const [method, path, body] = await setup();
    const res = await apiFor(role).request(method, path, body ?? (method === 'GET' ? undefined : {}));
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status !== 200) expect(typeof res.body.error).toBe('string');
  });
});
