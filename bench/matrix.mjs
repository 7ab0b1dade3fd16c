// The scenarios `npm run bench` runs. A scenario is one load.mjs run per server.
// Fan-out: readers × statuses/s over one transport, all readers logged out, or 10% logged in
// with blocks and mutes (their users block or mute another author, who posts every 10th status).
// Ingest: K posters through POST /api/v1/statuses with hashtags and mentions, 1,000 readers on
// 50 hashtags. History: hashtag timeline reads in a closed loop. Resume: a reader that missed
// 1,000 events comes back with Last-Event-ID. Idle: memory per open SSE reader. Join storm: N
// people open a live session's room within 10 s while 20 statuses a second arrive (join-storm.mjs).

/**
 * @typedef {{ name: string, mode: 'fanout' | 'ingest' | 'history' | 'resume' | 'idle' | 'join', arrival?: number,
 *   transport?: 'sse' | 'ws', readers?: number, rate?: number, seconds?: number,
 *   concurrency?: number, authedShare?: number, blocks?: boolean, posters?: number, tags?: number,
 *   mentions?: boolean, missed?: number, rounds?: number, extended?: boolean,
 *   backend?: 'postgres', instances?: number }} Scenario
 */

const fanout = (transport, readers, rate, authed = false) => ({
  name: `fan-out ${transport.toUpperCase()} ${readers.toLocaleString('en')} × ${rate}/s${authed ? ', 10% logged in + blocks' : ''}`,
  mode: /** @type {const} */ ('fanout'),
  transport,
  readers,
  rate,
  seconds: 10,
  ...(authed ? { authedShare: 0.1, blocks: true } : {}),
});

const joinStorm = (readers) => ({
  name: `join storm ${readers.toLocaleString('en')} in 10 s, 20/s`,
  mode: /** @type {const} */ ('join'),
  readers,
  arrival: 10,
  rate: 20,
});

/**
 * The scenario on PostgreSQL + Redis with `instances` Hashchat instances sharing the readers
 * behind a round-robin balancer (run.mjs starts them with bench/pg-server.mjs), beside the same
 * scenario on one SQLite instance in the same run.
 */
const onPostgres = (scenario, instances = 2) => ({
  ...scenario,
  name: `${scenario.name}, PostgreSQL + Redis × ${instances}`,
  backend: /** @type {const} */ ('postgres'),
  instances,
  extended: true,
});

const ingest = {
  name: 'ingest 1,500/s, 16 posters, 1,000 readers on 50 tags',
  mode: /** @type {const} */ ('ingest'),
  transport: /** @type {const} */ ('sse'),
  readers: 1000,
  rate: 1500,
  seconds: 10,
  posters: 16,
  tags: 50,
  mentions: true,
};

/** Every scenario (`--all`). @type {Scenario[]} */
export const fullMatrix = [
  fanout('sse', 1000, 50),
  fanout('ws', 1000, 50),
  fanout('sse', 5000, 50),
  fanout('ws', 5000, 50),
  fanout('sse', 10000, 10),
  fanout('ws', 10000, 10),
  fanout('sse', 1000, 50, true),
  fanout('ws', 1000, 50, true),
  { ...fanout('sse', 5000, 50, true), extended: true },
  { ...fanout('ws', 5000, 50, true), extended: true },
  fanout('sse', 10000, 10, true),
  { ...fanout('ws', 10000, 10, true), extended: true },
  ingest,
  { name: 'history, 16 clients', mode: 'history', concurrency: 16, seconds: 10 },
  { name: 'resume, 1,000 missed events', mode: 'resume', missed: 1000, rounds: 3 },
  { name: 'idle SSE readers, 5,000', mode: 'idle', readers: 5000 },
  joinStorm(1000),
  { ...joinStorm(5000), extended: true },
  // Issue 20's scale-out rows: the same load on two instances over PostgreSQL + Redis.
  onPostgres(ingest),
  onPostgres(fanout('sse', 1000, 50)),
  onPostgres(fanout('sse', 1000, 50, true)),
  onPostgres(joinStorm(1000)),
];

/** What `npm run bench` runs (about ten minutes): all but the `extended` scenarios. */
export const defaultMatrix = fullMatrix.filter((s) => !s.extended);

/** A smoke matrix of seconds, to check the tooling end to end. @type {Scenario[]} */
export const quickMatrix = [
  { name: 'fan-out SSE 50 × 5/s', mode: 'fanout', transport: 'sse', readers: 50, rate: 5, seconds: 3 },
  { name: 'fan-out WS 50 × 5/s', mode: 'fanout', transport: 'ws', readers: 50, rate: 5, seconds: 3 },
  {
    name: 'fan-out SSE 50 × 5/s, 10% logged in + blocks',
    mode: 'fanout',
    transport: 'sse',
    readers: 50,
    rate: 5,
    seconds: 3,
    authedShare: 0.1,
    blocks: true,
  },
  {
    name: 'ingest 50/s, 4 posters, 20 readers on 5 tags',
    mode: 'ingest',
    transport: 'sse',
    readers: 20,
    rate: 50,
    seconds: 3,
    posters: 4,
    tags: 5,
    mentions: true,
  },
  { name: 'history, 4 clients', mode: 'history', concurrency: 4, seconds: 2 },
  { name: 'resume, 100 missed events', mode: 'resume', missed: 100, rounds: 2 },
  { name: 'idle SSE readers, 200', mode: 'idle', readers: 200 },
  joinStorm(100),
];
