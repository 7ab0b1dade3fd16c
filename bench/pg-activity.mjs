#!/usr/bin/env node
// A sampling profiler for PostgreSQL from the outside: every 20 ms, what each connection to the
// benchmark databases (bench/pg-server.mjs names them hashchat_bench_*) is doing: its state,
// what it waits for (a lock, WAL sync, the client) and its statement. Run it beside a benchmark;
// it prints the commonest (state | wait | statement) at the end. Needs no extension and changes
// no server setting (pg_stat_statements needs shared_preload_libraries and a restart).
//
//   node bench/pg-activity.mjs --seconds 60 [--database hashchat_bench_] &
//   node bench/run.mjs --only ingest --no-baseline --hashchat-cmd "node bench/pg-server.mjs"
//
// "idle in transaction | Client:ClientRead" is a transaction waiting for the server process to
// send its next statement: every lock it holds is held that long too.
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    database: { type: 'string', default: 'hashchat_bench_' },
    top: { type: 'string', default: '30' },
  },
});
const admin = process.env.HASHCHAT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const client = new pg.Client({ connectionString: admin });
await client.connect();
const counts = new Map();
let samples = 0;
const until = Date.now() + Number(values.seconds) * 1000;
while (Date.now() < until) {
  const { rows } = await client.query(
    `select state, coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '') as wait,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as query
     from pg_stat_activity where datname like $1 and pid <> pg_backend_pid()`,
    [`${values.database}%`],
  );
  if (rows.length > 0) samples++;
  for (const r of rows) {
    const busy = r.state === 'active' || r.state === 'idle in transaction';
    const key = `${r.state} | ${r.wait} | ${busy ? r.query : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await client.end();
process.stdout.write(
  `${samples} samples with a connection; connection-samples by state | wait | statement:\n`,
);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  process.stdout.write(`${String(n).padStart(7)}  ${key}\n`);
}
