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
//
// HASHCHAT_BENCH_INSTANCES=2: two instances on the same database and Redis, on ports of their
// own, behind bench/tcp-balancer.mjs on PORT (round robin per connection), as behind nginx. The
// balancer is started outside this process's tree, so the server CPU the benchmarks read is the
// instances' only (a load balancer runs on other machines).
import { exec, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
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
const instances = Math.max(1, Number(process.env.HASHCHAT_BENCH_INSTANCES ?? 1));
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const ports =
  instances === 1 ? [process.env.PORT] : await Promise.all(Array.from({ length: instances }, freePort));
const children = ports.map((port) =>
  spawn(process.execPath, [main], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url.toString(),
      REDIS_URL: redis,
      REDIS_PREFIX: `${name}:`,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
    },
  }),
);
let balancerPid = null;
if (instances > 1) {
  const balancer = fileURLToPath(new URL('./tcp-balancer.mjs', import.meta.url));
  // `&` in a shell that exits at once: the balancer is reparented, out of this process's tree.
  balancerPid = await new Promise((resolve, reject) =>
    exec(
      `"${process.execPath}" "${balancer}" ${process.env.PORT} ${ports.join(' ')} >/dev/null 2>&1 & echo $!`,
      (err, out) => (err ? reject(err) : resolve(Number(out.trim()))),
    ),
  );
}
const stopAll = (sig) => {
  for (const c of children) c.kill(sig);
  if (balancerPid) {
    try {
      process.kill(balancerPid, 'SIGTERM');
    } catch {}
  }
};
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => stopAll(sig));
const codes = await Promise.all(
  children.map((child) => new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))))),
);
stopAll('SIGTERM');
await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
process.exit(Math.max(...codes));
