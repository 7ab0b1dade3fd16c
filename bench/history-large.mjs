// History at scale: seeds a SQLite database with 1,000,000 statuses over 10,000 hashtags
// (Zipf-like: a few tags are very busy, most are quiet), starts Hashchat on it and measures,
// in closed loops, a tag timeline's first page, a deep max_id page and a full-text search.
//
//   node bench/history-large.mjs [--statuses 1000000] [--tags 10000] [--seconds 5] [--concurrency 4]
//                                [--server packages/server/dist/main.js] [--compare other/main.js] [--json]
//
// The seeded file is kept in /tmp and reused when it already holds the requested size.
// `--compare` measures a second server build on the same file right after the first (before/after).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createBenchUsers } from './hashchat-client.mjs';
import { summarize } from './percentiles.mjs';
import { processTree, sampleProcess } from './proc-stats.mjs';

const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
const Database = require('better-sqlite3');

const { values } = parseArgs({
  options: {
    statuses: { type: 'string', default: '1000000' },
    tags: { type: 'string', default: '10000' },
    accounts: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    port: { type: 'string', default: '3911' },
    json: { type: 'boolean', default: false },
    server: { type: 'string', default: 'packages/server/dist/main.js' },
    compare: { type: 'string' },
  },
});
const N = Number(values.statuses);
const TAGS = Number(values.tags);
const ACCOUNTS = Number(values.accounts);
const file = `/tmp/hashchat-history-${N}-${TAGS}.db`;
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

const WORDS = (
  'answer question chat host guest room menu bread coffee market budget invest retail store ' +
  'lesson teacher health doctor code deploy event keynote panel vote policy city school garden ' +
  'recipe pasta spice wine tea bakery tax loan savings stock crypto shop brand launch design ' +
  'learn student exam nurse clinic sleep python rust cloud data speaker workshop mayor park'
).split(' ');

/** A deterministic pseudo-random sequence, so two runs seed the same database. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf(s≈1) sampler over 1..n by inverse CDF on precomputed cumulative weights. */
function zipf(n, random) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

function startServer(entry = values.server) {
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${file}`,
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitReady() {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${base}/ready`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function seed() {
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const n = db.prepare('SELECT count(*) AS n FROM statuses').get().n;
    db.close();
    if (n >= N) return log(`reusing ${file} (${n} statuses)`);
    rmSync(file, { force: true });
  }
  log(`seeding ${file}: migrations…`);
  const child = startServer();
  await waitReady();
  await stop(child);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const random = rng(42);
  const now = Date.now();
  const t0 = performance.now();
  db.transaction(() => {
    const acc = db.prepare(
      `INSERT INTO accounts (username, username_lower, email, password_hash, display_name, note, locale, role, created_at, updated_at)
       VALUES (?, ?, ?, 'x', ?, '', 'en', 'user', ?, ?)`,
    );
    for (let i = 1; i <= ACCOUNTS; i++)
      acc.run(`user${i}`, `user${i}`, `user${i}@example.org`, `User ${i}`, now, now);
    const tag = db.prepare('INSERT INTO tags (name, display_name, created_at) VALUES (?, ?, ?)');
    for (let i = 1; i <= TAGS; i++) tag.run(`tag${i}`, `Tag${i}`, now);
  })();
  const pickTag = zipf(TAGS, random);
  const insertStatus = db.prepare(
    `INSERT INTO statuses (account_id, text, content, visibility, created_at) VALUES (?, ?, ?, 'public', ?)`,
  );
  const insertTag = db.prepare(
    'INSERT OR IGNORE INTO status_tags (tag_id, status_id, account_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const account = 1 + Math.floor(random() * ACCOUNTS);
      const tags = [pickTag()];
      if (random() < 0.3) tags.push(pickTag());
      const words = Array.from(
        { length: 8 + Math.floor(random() * 12) },
        () => WORDS[Math.floor(random() * WORDS.length)],
      );
      const text = `${words.join(' ')} ${tags.map((t) => `#Tag${t}`).join(' ')}`;
      const created = now - (N - i) * 1000;
      const { lastInsertRowid } = insertStatus.run(account, text, `<p>${text}</p>`, created);
      for (const t of tags) insertTag.run(t, lastInsertRowid, account, created);
    }
  });
  const step = 50_000;
  for (let i = 0; i < N; i += step) {
    batch(i, Math.min(N, i + step));
    log(
      `  ${Math.min(N, i + step).toLocaleString('en')} / ${N.toLocaleString('en')} statuses (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  db.exec('ANALYZE');
  db.close();
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function closedLoop(paths, token, seconds, concurrency, pid) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let ok = 0;
  let failed = 0;
  let i = 0;
  const one = () =>
    new Promise((resolve) => {
      const path = paths[i++ % paths.length];
      const t = performance.now();
      http
        .get(
          { host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - t);
              if (res.statusCode === 200) ok++;
              else failed++;
              resolve();
            });
          },
        )
        .on('error', () => {
          failed++;
          resolve();
        });
    });
  const tree = processTree(pid);
  const cpu0 = sampleProcess(pid, tree).cpuSeconds;
  const until = performance.now() + seconds * 1000;
  return Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await one();
    }),
  ).then(() => {
    agent.destroy();
    const cpu = sampleProcess(pid, tree).cpuSeconds - cpu0;
    return {
      ok,
      failed,
      latencyMs: summarize(Float64Array.from(latencies), 1),
      usPerRead: Math.round((cpu / Math.max(1, ok)) * 1e6),
    };
  });
}

await seed();
const runs = [];
for (const entry of [values.server, ...(values.compare ? [values.compare] : [])]) {
  log(`— ${entry}`);
  runs.push({ server: entry, results: await measure(entry) });
}
if (values.json)
  process.stdout.write(
    `${JSON.stringify({ statuses: N, tags: TAGS, concurrency: Number(values.concurrency), runs }, null, 2)}\n`,
  );

/** Starts one server build on the seeded file and runs every scenario against it. */
async function measure(entry) {
  const server = startServer(entry);
  try {
    await waitReady();
    const [token] = await createBenchUsers(base, 1, `hist${Date.now() % 100000}`);
    const db = new Database(file, { readonly: true });
    const busiest = db.prepare('SELECT count(*) AS n FROM status_tags WHERE tag_id = 1').get().n;
    const depth = Math.min(20_000, Math.floor(busiest / 2));
    const popular = db
      .prepare('SELECT status_id FROM status_tags WHERE tag_id = 1 ORDER BY status_id DESC LIMIT 1 OFFSET ?')
      .get(depth);
    db.close();
    const seconds = Number(values.seconds);
    const concurrency = Number(values.concurrency);
    const scenarios = [
      { name: 'tag timeline, first page (busiest tag)', paths: ['/api/v1/timelines/tag/tag1?limit=40'] },
      {
        name: 'tag timeline, first page (100 tags, Zipf ranks 1-100)',
        paths: Array.from({ length: 100 }, (_, k) => `/api/v1/timelines/tag/tag${k + 1}?limit=40`),
      },
      {
        name: `tag timeline, deep max_id page (busiest tag, ${depth.toLocaleString('en')} back)`,
        paths: [`/api/v1/timelines/tag/tag1?limit=40&max_id=${popular.status_id}`],
      },
      {
        name: 'full-text search (one word / two words)',
        paths: [
          '/api/v2/search?type=statuses&q=bakery',
          '/api/v2/search?type=statuses&q=garden%20keynote',
          '/api/v2/search?type=statuses&q=mayor',
        ],
      },
    ];
    const results = [];
    for (const s of scenarios) {
      await closedLoop(s.paths, token, 1, concurrency, server.pid); // warm-up
      const r = await closedLoop(s.paths, token, seconds, concurrency, server.pid);
      results.push({ scenario: s.name, ...r });
      log(
        `${s.name}: ${r.ok} reads, p50 ${r.latencyMs?.p50} ms, p99 ${r.latencyMs?.p99} ms, ${r.usPerRead} µs server CPU/read${r.failed ? `, ${r.failed} failed` : ''}`,
      );
    }
    return results;
  } finally {
    await stop(server);
  }
}
