// How long building a big session's transcript and recap takes. Not a test: it prints figures.
//
//   node bench/transcript.mjs [--statuses 10000] [--participants 800] [--runs 5]
//
// Bundles the server's own code with esbuild (as scripts/build-server.mjs does), starts it on
// a fresh SQLite file, writes one ended session with N statuses straight into the database
// (accounts, follows, statuses with links and mentions, tags, the room index), then times
// each step in-process and the public endpoints over loopback, and counts SQL queries.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values: args } = parseArgs({
  options: {
    statuses: { type: 'string', default: '10000' },
    participants: { type: 'string', default: '800' },
    questions: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
  },
});
const N = Number(args.statuses);
const PEOPLE = Number(args.participants);
const QUESTIONS = Number(args.questions);
const RUNS = Number(args.runs);

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'packages/server/package.json'), 'utf8'));
const cacheDir = join(root, 'node_modules/.cache/hashchat-bench');
mkdirSync(cacheDir, { recursive: true });
const bundle = join(cacheDir, 'transcript-entry.mjs');
await build({
  stdin: {
    contents: `
      export { loadConfig } from './packages/server/src/config';
      export { startServer } from './packages/server/src/server';
      export { loadTranscript } from './packages/server/src/services/transcripts/load-transcript';
      export { buildRecap } from './packages/server/src/services/transcripts/build-recap';
      export { renderTranscriptHtml } from './packages/server/src/services/transcripts/render-html';
      export { renderTranscriptCsv } from './packages/server/src/services/transcripts/render-csv';
      export { renderTranscriptMarkdown } from './packages/server/src/services/transcripts/render-markdown';
      export { parseText } from './packages/core/src/text/parse';
      export { renderContent } from './packages/core/src/text/render';
    `,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@hashchat/')),
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
const m = await import(bundle);

const dir = mkdtempSync(join(tmpdir(), 'hashchat-bench-transcript-'));
const config = m.loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_ENABLED: 'false',
  JOBS_ENABLED: 'false',
});
const server = await m.startServer(config);
const { ctx } = server;
const db = ctx.store.db;
const base = server.url;

// ---- seed -------------------------------------------------------------------------------
const T0 = Date.parse('2027-03-02T20:00:00Z');
const seedStart = performance.now();
const insertMany = async (table, rows, size = 500) => {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
};
const accounts = [];
for (let i = 0; i <= PEOPLE; i++) {
  accounts.push({
    username: `p${i}`,
    username_lower: `p${i}`,
    email: `p${i}@example.org`,
    password_hash: 'x',
    display_name: i === 0 ? 'The Host' : `Participant ${i}`,
    note: '',
    locale: 'en',
    role: 'user',
    created_at: T0 - 86_400_000,
    updated_at: T0 - 86_400_000,
    statuses_count: 0,
    followers_count: 0,
    following_count: 0,
    last_status_at: null,
    suspended_at: null,
  });
}
await insertMany('accounts', accounts);
const ids = (await db.selectFrom('accounts').select(['id', 'username']).orderBy('id').execute()).map((r) =>
  Number(r.id),
);
const hostId = ids[0];
// Each participant follows ~10 others: followers_count kept in step.
const follows = [];
const followers = new Map();
for (let i = 1; i < ids.length; i++)
  for (let k = 1; k <= 10; k++) {
    const target = ids[(i * 7 + k * 13) % ids.length];
    if (target === ids[i]) continue;
    follows.push({ account_id: ids[i], target_account_id: target, created_at: T0 });
    followers.set(target, (followers.get(target) ?? 0) + 1);
  }
const seenFollow = new Set();
await insertMany(
  'follows',
  follows.filter((f) => {
    const k = `${f.account_id}:${f.target_account_id}`;
    if (seenFollow.has(k)) return false;
    seenFollow.add(k);
    return true;
  }),
);
for (const [id, n] of followers)
  await db.updateTable('accounts').set({ followers_count: n }).where('id', '=', id).execute();

const chat = await db
  .insertInto('chats')
  .values({
    owner_id: hostId,
    hashtag: 'BenchChat',
    tag_name: 'benchchat',
    title: 'Bench chat',
    description: '',
    category_id: null,
    language: 'en',
    time_zone: 'Europe/Berlin',
    rules: '',
    schedule_start_local: null,
    duration_minutes: 60,
    rrule: null,
    created_at: T0,
    updated_at: T0,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const session = await db
  .insertInto('chat_sessions')
  .values({
    chat_id: chat.id,
    event_id: null,
    origin: 'one_off',
    title: 'Ten thousand statuses',
    starts_at: T0,
    ends_at: T0 + 3_600_000,
    original_start: null,
    local_start: null,
    state: 'ended',
    extra_tag: null,
    started_at: T0,
    ended_at: T0 + 3_600_000,
    created_at: T0,
    updated_at: T0,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const sessionId = Number(session.id);
const tag = await db
  .insertInto('tags')
  .values({ name: 'benchchat', display_name: 'BenchChat', created_at: T0 })
  .returning('id')
  .executeTakeFirstOrThrow();

const links = { tagUrl: (n) => `${base}/tags/${n}`, mentionUrl: (u) => `${base}/@${u}` };
const statusRows = [];
const plan = [];
for (let i = 0; i < N; i++) {
  const at = T0 + Math.floor((i / N) * 3_600_000);
  const q = Math.min(QUESTIONS, 1 + Math.floor((i / N) * QUESTIONS));
  const isQuestion =
    i % Math.floor(N / QUESTIONS) === 0 && plan.filter((p) => p.kind === 'question').length < QUESTIONS;
  const author = isQuestion ? hostId : ids[1 + ((i * 31) % PEOPLE)];
  const mention = ids[1 + ((i * 17) % PEOPLE)];
  const kind = isQuestion ? 'question' : i % 4 === 3 ? 'comment' : 'answer';
  let text;
  if (kind === 'question') text = `Q${q} What do you think about topic ${q}? #BenchChat`;
  else if (kind === 'answer')
    text = `A${q} My answer number ${i}, agreeing with @p${mention - hostId} ${i % 20 === 0 ? `https://example.com/r/${i % 200}` : ''} #BenchChat`;
  else text = `Just a comment ${i} on the side #BenchChat`;
  statusRows.push({
    account_id: author,
    text,
    content: m.renderContent(m.parseText(text).tokens, links),
    spoiler_text: '',
    sensitive: 0,
    visibility: 'public',
    language: i % 10 === 0 ? 'de' : 'en',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog_of_id: null,
    created_at: at,
    edited_at: null,
    favourites_count: (i * 7) % 13,
    reblogs_count: (i * 3) % 5,
  });
  plan.push({
    kind,
    q: kind === 'comment' ? null : q,
    author,
    mention: kind === 'answer' ? mention : null,
    at,
  });
}
await insertMany('statuses', statusRows, 300);
const statusIds = (await db.selectFrom('statuses').select('id').orderBy('id').execute()).map((r) =>
  Number(r.id),
);
await insertMany(
  'status_tags',
  statusIds.map((id, i) => ({
    tag_id: tag.id,
    status_id: id,
    account_id: plan[i].author,
    created_at: plan[i].at,
  })),
);
await insertMany(
  'mentions',
  statusIds.flatMap((id, i) => (plan[i].mention ? [{ status_id: id, account_id: plan[i].mention }] : [])),
);
await insertMany(
  'session_statuses',
  statusIds.map((id, i) => ({
    session_id: sessionId,
    status_id: id,
    account_id: plan[i].author,
    kind: plan[i].kind,
    question_number: plan[i].q,
    in_reply_to_id: null,
    room_state: i % 97 === 0 && plan[i].kind !== 'question' ? 'hidden' : 'visible',
    late: 0,
    spotlighted_at: i % 500 === 1 ? plan[i].at : null,
    created_at: plan[i].at,
  })),
);
const seedMs = performance.now() - seedStart;

// ---- measure ----------------------------------------------------------------------------
let queries = 0;
const counted = db.withPlugin({
  transformQuery: (a) => {
    queries += 1;
    return a.node;
  },
  transformResult: async (a) => a.result,
});
ctx.store.db = counted;

const time = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};
const steps = {
  'load transcript (queries + hydrate + arrange)': [],
  'recap (figures, reach, returning)': [],
  'render HTML page': [],
  'render CSV': [],
  'render Markdown': [],
  'transcript + recap, in-process total': [],
  'GET /sessions/:id (HTTP, page)': [],
  'GET /api/v1/sessions/:id/recap (HTTP)': [],
  'GET /api/v1/sessions/:id/transcript.csv (HTTP)': [],
  'GET /api/v1/sessions/:id/transcript.json (HTTP)': [],
  'GET /sessions/:id (HTTP, page), br': [],
  'GET /api/v1/sessions/:id/recap (HTTP), br': [],
  'GET /api/v1/sessions/:id/transcript.csv (HTTP), br': [],
  'GET /api/v1/sessions/:id/transcript.json (HTTP), br': [],
};
let queryCount = 0;
let sizes = {};
for (let run = 0; run < RUNS; run++) {
  queries = 0;
  const load = await time(() => m.loadTranscript(ctx, sessionId));
  const recap = await time(() => m.buildRecap(ctx, load.value));
  queryCount = queries;
  const html = await time(() =>
    m.renderTranscriptHtml(load.value, recap.value, { standalone: false, baseUrl: base }),
  );
  const csv = await time(() => m.renderTranscriptCsv(load.value));
  const md = await time(() => m.renderTranscriptMarkdown(load.value, `${base}/sessions/${sessionId}`));
  steps['load transcript (queries + hydrate + arrange)'].push(load.ms);
  steps['recap (figures, reach, returning)'].push(recap.ms);
  steps['render HTML page'].push(html.ms);
  steps['render CSV'].push(csv.ms);
  steps['render Markdown'].push(md.ms);
  steps['transcript + recap, in-process total'].push(load.ms + recap.ms + html.ms);
  sizes = {
    statuses: load.value.statuses.length,
    questions: load.value.transcript.questions.length,
    html: html.value.length,
    csv: csv.value.length,
    md: md.value.length,
  };
  for (const [name, path] of [
    ['GET /sessions/:id (HTTP, page)', `/sessions/${sessionId}`],
    ['GET /api/v1/sessions/:id/recap (HTTP)', `/api/v1/sessions/${sessionId}/recap`],
    ['GET /api/v1/sessions/:id/transcript.csv (HTTP)', `/api/v1/sessions/${sessionId}/transcript.csv`],
    ['GET /api/v1/sessions/:id/transcript.json (HTTP)', `/api/v1/sessions/${sessionId}/transcript.json`],
  ]) {
    // As sent (identity), then as a browser asks for it (br): the server compresses text answers.
    for (const encoding of ['identity', 'br']) {
      const r = await time(async () => {
        const res = await fetch(base + path, { headers: { 'accept-encoding': encoding } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        return (await res.arrayBuffer()).byteLength;
      });
      steps[encoding === 'br' ? `${name}, br` : name].push(r.ms);
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => x.toFixed(1).padStart(8);
console.log(
  `\nTranscript bench: ${N.toLocaleString('en-US')} statuses (${sizes.statuses.toLocaleString('en-US')} visible), ${PEOPLE} participants, ${sizes.questions} questions; SQLite; node ${process.version}; seeded in ${(seedMs / 1000).toFixed(1)} s`,
);
console.log(`SQL queries for transcript + recap: ${queryCount}`);
console.log(
  `Sizes: HTML ${(sizes.html / 1e6).toFixed(2)} MB, CSV ${(sizes.csv / 1e6).toFixed(2)} MB, Markdown ${(sizes.md / 1e6).toFixed(2)} MB\n`,
);
console.log(`${'step'.padEnd(50)}  median ms     min ms     max ms   (${RUNS} runs; the first is cold)`);
for (const [name, xs] of Object.entries(steps))
  console.log(`${name.padEnd(50)}  ${f(median(xs))}   ${f(Math.min(...xs))}   ${f(Math.max(...xs))}`);

await server.close();
rmSync(dir, { recursive: true, force: true });
rmSync(bundle, { force: true });
