// Starts Hashchat on PostgreSQL + Redis for the benchmarks, the scale-out set-up: a fresh
// database of its own (made on start, dropped on exit) and a Redis prefix of its own, then the
// server in the foreground; SIGTERM is passed on. run.mjs's PORT and HOST come through.
//
//   node bench/run.mjs --hashchat-cmd "node bench/pg-server.mjs" --only ingest
//   node bench/run.mjs --hashchat-cmd "node bench/pg-server.mjs packages/server/dist/main.js" \
//     --compare-cmd "node bench/pg-server.mjs <before>/packages/server/dist/main.js"
//
// HASHCHAT_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test) is the admin connection,
// HASHCHAT_BENCH_REDIS (default redis://127.0.0.1:6379) the Redis. DATABASE_POOL_SIZE defaults to 10.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const admin = process.env.HASHCHAT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const redis = process.env.HASHCHAT_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const main = process.argv[2] ?? 'packages/server/dist/main.js';
const name = `hashchat_bench_${randomBytes(4).toString('hex')}`;

const query = async (text) => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
};

await query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const child = spawn(process.execPath, [main], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    REDIS_URL: redis,
    REDIS_PREFIX: `${name}:`,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  },
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
process.exit(code);
