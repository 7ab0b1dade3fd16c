// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModerationFixture, moderationFixture } from './moderation-fixture';
import { type Api, registerUser } from './support/client';

/**
 * The second axis of authorization: every route that takes a status, account, chat, session or
 * submission id answers 404 for an id the caller may not see (someone else's direct status,
 * a question waiting in another chat's queue, a status outside the room acted on, an id that
 * does not exist), even when the caller's role would let them act on one they could see.
 * (The first axis, who may act at all, is moderation-roles.test.ts.)
 */
let f: ModerationFixture;
/** Ids the caller of each row may not see. */
const unseen = {} as {
  /** bob → ann, direct: neither host nor dan is in it. */
  dm: string;
  /** Public, but not in the chat's room. */
  outsideRoom: string;
  /** Pending in another chat's town hall, asked by ann. */
  otherPending: string;
  /** Approved in another chat's town hall. */
  otherApproved: string;
  suspended: string;
};
/** Ids the caller may see, to act on alongside the unseen one. */
const seen = {} as { submission: string; pendingOwn: string };
const MISSING = '987654321';

beforeAll(async () => {
  f = await moderationFixture();
  const { ann, bob, host, dan } = f.users;
  unseen.dm = await f.post(bob.api, `@${ann.username} just us #${f.tag}`, { visibility: 'direct' });
  unseen.outsideRoom = await f.post(bob.api, 'no hashtag, no room');
  await f.ok(host.api.request('PUT', `/api/v1/sessions/${f.sessionId}/town_hall`, { town_hall: true }));
  // Another chat, hosted by bob, with its own town hall.
  const other = await f.ok(
    bob.api.post('/api/v1/chats', { hashtag: `#other${f.tag}`, title: 'Other', time_zone: 'UTC' }),
  );
  const otherSession = await f.ok(
    bob.api.post(`/api/v1/chats/${other.id}/sessions`, {
      starts_at: new Date(f.now() + 60 * 60_000).toISOString(),
      duration_minutes: 24 * 60,
    }),
  );
  await f.ok(bob.api.post(`/api/v1/sessions/${otherSession.id}/start`));
  await f.ok(bob.api.request('PUT', `/api/v1/sessions/${otherSession.id}/town_hall`, { town_hall: true }));
  const ask = async (who: Api, sessionId: string, text: string) => {
    f.advance(61_000); // past the per-minute limit on questions
    return (await f.ok(who.post(`/api/v1/sessions/${sessionId}/submissions`, { text }))).id as string;
  };
  unseen.otherPending = await ask(ann.api, otherSession.id, 'Secret pending question');
  unseen.otherApproved = await ask(ann.api, otherSession.id, 'Approved elsewhere');
  await f.ok(bob.api.post(`/api/v1/submissions/${unseen.otherApproved}/approve`));
  seen.submission = await ask(dan.api, f.sessionId, 'Ours');
  await f.ok(host.api.post(`/api/v1/submissions/${seen.submission}/approve`));
  seen.pendingOwn = await ask(dan.api, f.sessionId, 'Ours, still pending');
  unseen.suspended = (await registerUser(f.server.url)).id;
  // `mod` is made an admin here, for the admin-only rows.
  await f.server.ctx.store.db
    .updateTable('accounts')
    .set({ role: 'admin' })
    .where('id', '=', Number(f.users.mod.id))
    .execute();
  await f.server.ctx.store.db
    .updateTable('accounts')
    .set({ suspended_at: f.now() })
    .where('id', '=', Number(unseen.suspended))
    .execute();
});
afterAll(async () => {
  await f?.server.close();
});

type Caller = 'host' | 'dan' | 'cat' | 'mod';
type Row = [name: string, caller: Caller, request: () => [method: string, path: string, body?: unknown]];

const S = () => f.sessionId;
const C = () => f.chatId;

/** Every route taking a status id, with each status id the caller may not see. */
const statusRows = (label: string, id: () => string): Row[] => [
  [`GET /statuses/:id (${label})`, 'dan', () => ['GET', `/api/v1/statuses/${id()}`]],
  [`DELETE /statuses/:id (${label})`, 'dan', () => ['DELETE', `/api/v1/statuses/${id()}`]],
  [`GET /statuses/:id/context (${label})`, 'dan', () => ['GET', `/api/v1/statuses/${id()}/context`]],
  ...['favourite', 'unfavourite', 'reblog', 'unreblog'].map(
    (a): Row => [
      `POST /statuses/:id/${a} (${label})`,
      'dan',
      () => ['POST', `/api/v1/statuses/${id()}/${a}`],
    ],
  ),
  ...['favourited_by', 'reblogged_by'].map(
    (a): Row => [`GET /statuses/:id/${a} (${label})`, 'dan', () => ['GET', `/api/v1/statuses/${id()}/${a}`]],
  ),
  [
    `POST /statuses in_reply_to_id (${label})`,
    'dan',
    () => ['POST', '/api/v1/statuses', { status: 'a reply', in_reply_to_id: id() }],
  ],
  [
    `POST /chats/:id/reports status_id (${label})`,
    'dan',
    () => ['POST', `/api/v1/chats/${C()}/reports`, { status_id: id(), category: 'spam' }],
  ],
  ...['hide', 'unhide', 'approve', 'reject', 'mute', 'ban', 'unmute', 'unban'].map(
    (action): Row => [
      `POST /sessions/:id/moderation ${action} status_id (${label})`,
      'host',
      () => ['POST', `/api/v1/sessions/${S()}/moderation`, { action, status_id: id() }],
    ],
  ),
  [
    `POST /sessions/:id/spotlight (${label})`,
    'host',
    () => ['POST', `/api/v1/sessions/${S()}/spotlight`, { status_id: id() }],
  ],
  [
    `POST /sessions/:id/unspotlight (${label})`,
    'host',
    () => ['POST', `/api/v1/sessions/${S()}/unspotlight`, { status_id: id() }],
  ],
  [
    `DELETE /sessions/:id/spotlight/:status_id (${label})`,
    'host',
    () => ['DELETE', `/api/v1/sessions/${S()}/spotlight/${id()}`],
  ],
  [
    `POST /submissions/:id/answered status_id (${label})`,
    'host',
    () => ['POST', `/api/v1/submissions/${seen.submission}/answered`, { status_id: id() }],
  ],
];

const accountRows = (label: string, id: () => string): Row[] => [
  ...['', '/statuses', '/followers', '/following'].map(
    (p): Row => [`GET /accounts/:id${p} (${label})`, 'dan', () => ['GET', `/api/v1/accounts/${id()}${p}`]],
  ),
  ...['follow', 'unfollow', 'block', 'unblock', 'mute', 'unmute'].map(
    (a): Row => [
      `POST /accounts/:id/${a} (${label})`,
      'dan',
      () => ['POST', `/api/v1/accounts/${id()}/${a}`],
    ],
  ),
  [
    `POST /chats/:id/reports account_id (${label})`,
    'dan',
    () => ['POST', `/api/v1/chats/${C()}/reports`, { account_id: id(), category: 'spam' }],
  ],
  ...['mute', 'ban'].map(
    (action): Row => [
      `POST /sessions/:id/moderation ${action} account_id (${label})`,
      'host',
      () => ['POST', `/api/v1/sessions/${S()}/moderation`, { action, account_id: id() }],
    ],
  ),
  [
    `POST /chats/:id/co_hosts (${label})`,
    'host',
    () => ['POST', `/api/v1/chats/${C()}/co_hosts`, { account_id: id() }],
  ],
];

const chatRows: Row[] = [
  ...['', '/sessions', '/calendar.ics', '/moderation_stats', '/stats'].map(
    (p): Row => [`GET /chats/:id${p}`, 'dan', () => ['GET', `/api/v1/chats/${MISSING}${p}`]],
  ),
  ...['/moderation', '/moderation_settings', '/reports'].map(
    (p): Row => [`GET /chats/:id${p}`, 'host', () => ['GET', `/api/v1/chats/${MISSING}${p}`]],
  ),
  ['PATCH /chats/:id', 'host', () => ['PATCH', `/api/v1/chats/${MISSING}`, { title: 'x' }]],
  [
    'PATCH /chats/:id/moderation_settings',
    'host',
    () => ['PATCH', `/api/v1/chats/${MISSING}/moderation_settings`, {}],
  ],
  ['DELETE /chats/:id', 'host', () => ['DELETE', `/api/v1/chats/${MISSING}`]],
  ['DELETE /chats/:id/claim', 'mod', () => ['DELETE', `/api/v1/chats/${MISSING}/claim`]],
  ['DELETE /chats/:id/co_hosts/:account_id', 'host', () => ['DELETE', `/api/v1/chats/${MISSING}/co_hosts/1`]],
  ...['follow', 'unfollow'].map(
    (a): Row => [`POST /chats/:id/${a}`, 'dan', () => ['POST', `/api/v1/chats/${MISSING}/${a}`]],
  ),
  [
    'POST /chats/:id/sessions',
    'host',
    () => [
      'POST',
      `/api/v1/chats/${MISSING}/sessions`,
      { starts_at: '2027-04-01T10:00:00Z', duration_minutes: 60 },
    ],
  ],
  [
    'POST /chats/:id/events',
    'host',
    () => [
      'POST',
      `/api/v1/chats/${MISSING}/events`,
      { name: 'Week', sessions: [{ starts_at: '2027-04-01T10:00:00Z', duration_minutes: 60 }] },
    ],
  ],
  [
    'POST /chats/:id/reports',
    'dan',
    () => ['POST', `/api/v1/chats/${MISSING}/reports`, { account_id: f.users.bob.id, category: 'spam' }],
  ],
];

const sessionRows: Row[] = [
  ...[
    '',
    '/calendar.ics',
    '/town_hall',
    '/submissions',
    '/room',
    '/live',
    '/questions',
    '/recap',
    '/transcript',
    '/transcript.json',
    '/transcript.html',
    '/transcript.md',
    '/transcript.csv',
  ].map((p): Row => [`GET /sessions/:id${p}`, 'dan', () => ['GET', `/api/v1/sessions/${MISSING}${p}`]]),
  ['GET /sessions/:id (page)', 'dan', () => ['GET', `/sessions/${MISSING}`]],
  ...['/acknowledgements', '/moderation', '/moderation/queue'].map(
    (p): Row => [`GET /sessions/:id${p}`, 'host', () => ['GET', `/api/v1/sessions/${MISSING}${p}`]],
  ),
  ['PATCH /sessions/:id', 'host', () => ['PATCH', `/api/v1/sessions/${MISSING}`, { title: 'x' }]],
  ...['start', 'end', 'cancel', 'next', 'recap/publish'].map(
    (a): Row => [`POST /sessions/:id/${a}`, 'host', () => ['POST', `/api/v1/sessions/${MISSING}/${a}`]],
  ),
  [
    'PUT /sessions/:id/town_hall',
    'host',
    () => ['PUT', `/api/v1/sessions/${MISSING}/town_hall`, { town_hall: true }],
  ],
  [
    'POST /sessions/:id/submissions',
    'dan',
    () => ['POST', `/api/v1/sessions/${MISSING}/submissions`, { text: 'Q?' }],
  ],
  [
    'POST /sessions/:id/submissions/carry_over',
    'host',
    () => ['POST', `/api/v1/sessions/${MISSING}/submissions/carry_over`, { to_session_id: S() }],
  ],
  [
    'POST /sessions/:id/questions',
    'host',
    () => ['POST', `/api/v1/sessions/${MISSING}/questions`, { text: 'Q1' }],
  ],
  [
    'POST /sessions/:id/questions/reorder',
    'host',
    () => ['POST', `/api/v1/sessions/${MISSING}/questions/reorder`, { ids: [] }],
  ],
  [
    'POST /sessions/:id/moderation',
    'host',
    () => ['POST', `/api/v1/sessions/${MISSING}/moderation`, { action: 'mute', account_id: f.users.bob.id }],
  ],
  [
    'POST /sessions/:id/spotlight',
    'host',
    () => ['POST', `/api/v1/sessions/${MISSING}/spotlight`, { status_id: '1' }],
  ],
];

/** Every route taking a submission id, with one the caller may not see or that is outside the room. */
const submissionRows = (label: string, id: () => string, caller: Caller): Row[] => [
  ...['vote'].flatMap((a): Row[] => [
    [`POST /submissions/:id/${a} (${label})`, caller, () => ['POST', `/api/v1/submissions/${id()}/${a}`]],
    [`DELETE /submissions/:id/${a} (${label})`, caller, () => ['DELETE', `/api/v1/submissions/${id()}/${a}`]],
  ]),
  ...['approve', 'dismiss', 'answering', 'answered'].map(
    (a): Row => [
      `POST /submissions/:id/${a} (${label})`,
      caller,
      () => ['POST', `/api/v1/submissions/${id()}/${a}`, {}],
    ],
  ),
  [
    `POST /submissions/:id/merge (${label})`,
    caller,
    () => ['POST', `/api/v1/submissions/${id()}/merge`, { into_id: seen.submission }],
  ],
];

const rows: Row[] = [
  ...statusRows('someone else’s direct status', () => unseen.dm),
  ...statusRows('a missing status', () => MISSING),
  ...statusRows('a status outside the room', () => unseen.outsideRoom).filter(([name]) =>
    /reports|moderation|spotlight|answered/.test(name),
  ),
  ...accountRows('a missing account', () => MISSING),
  ...accountRows('a suspended account', () => unseen.suspended).filter(([name]) => /GET|co_hosts/.test(name)),
  ...chatRows,
  ...sessionRows,
  ...submissionRows('a missing submission', () => MISSING, 'host'),
  ...submissionRows('another chat’s pending submission', () => unseen.otherPending, 'host'),
  ...submissionRows('another user’s pending submission', () => seen.pendingOwn, 'cat'),
  [
    'POST /submissions/:id/merge into another chat’s submission',
    'host',
    () => ['POST', `/api/v1/submissions/${seen.submission}/merge`, { into_id: unseen.otherApproved }],
  ],
  [
    'POST /submissions/:id/merge into another chat’s pending submission',
    'host',
    () => ['POST', `/api/v1/submissions/${seen.submission}/merge`, { into_id: unseen.otherPending }],
  ],
  ...['PATCH', 'DELETE'].map(
    (m): Row => [
      `${m} /questions/:id`,
      'host',
      () => [m, `/api/v1/questions/${MISSING}`, m === 'PATCH' ? { text: 'x' } : undefined],
    ],
  ),
  ...['publish', 'skip'].map(
    (a): Row => [`POST /questions/:id/${a}`, 'host', () => ['POST', `/api/v1/questions/${MISSING}/${a}`]],
  ),
  ['POST /reports/:id/resolve', 'host', () => ['POST', `/api/v1/reports/${MISSING}/resolve`, {}]],
  ['GET /notifications/:id', 'dan', () => ['GET', `/api/v1/notifications/${MISSING}`]],
  ['POST /notifications/:id/dismiss', 'dan', () => ['POST', `/api/v1/notifications/${MISSING}/dismiss`]],
];

describe('an id the caller may not see answers 404', () => {
  it.each(rows)('%s as %s', async (_name, caller, request) => {
    const [method, path, body] = request();
    const res = await f.users[caller].api.request(method, path, body ?? (method === 'GET' ? undefined : {}));
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    if (typeof res.body === 'object' && res.body !== null) expect(typeof res.body.error).toBe('string');
  });

  it('with the same body for a status that exists and one that does not', async () => {
    const { dan } = f.users;
    const [hidden, missing] = await Promise.all([
      dan.api.post(`/api/v1/chats/${f.chatId}/reports`, { status_id: unseen.dm, category: 'spam' }),
      dan.api.post(`/api/v1/chats/${f.chatId}/reports`, { status_id: MISSING, category: 'spam' }),
    ]);
    expect(hidden.body).toEqual({ error: 'Record not found' });
    expect(missing.body).toEqual(hidden.body);
  });

  it('while what the caller may see still answers', async () => {
    const { cat, dan, host } = f.users;
    // Dan asked it, and nobody votes for their own question: cat votes.
    expect((await cat.api.post(`/api/v1/submissions/${seen.submission}/vote`)).status).toBe(200);
    expect((await host.api.get(`/api/v1/statuses/${unseen.outsideRoom}`)).status).toBe(200);
    expect((await dan.api.get(`/api/v1/sessions/${f.sessionId}/submissions`)).status).toBe(200);
  });
});
