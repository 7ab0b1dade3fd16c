import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import { openPostgres } from '../../src/store/dialects/postgres';
import { openSqlite } from '../../src/store/dialects/sqlite';
import { Api, registerUser } from '../support/client';
import { testConfig } from '../support/test-server';
import { createPgDatabase, type PgDatabase } from './support/pg';

// `npm run migrate-to-postgres` on a SQLite file seeded through the API: every row of every
// table arrives with its id, the sequences continue after them, and search works on PostgreSQL.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const run = promisify(execFile);
const migrate = (args: string[]) =>
  run(process.execPath, ['scripts/migrate-to-postgres.mjs', ...args], { cwd: root, timeout: 120_000 }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

let dir: string;
let file: string;
let target: PgDatabase;
let seeded: { statuses: string[]; alice: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashchat-migrate-'));
  file = path.join(dir, 'hashchat.db');
  seeded = await seed(file);
  target = await createPgDatabase();
}, 120_000);
afterAll(async () => {
  await target?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small but complete instance: accounts, apps, tokens, statuses with tags and mentions, replies, favourites, reblogs, follows, notifications. */
async function seed(dbFile: string) {
  const server = await startServer(
    await testConfig({ env: { DATABASE_URL: `sqlite:${dbFile}` }, drop: async () => {} }),
  );
  try {
    const [alice, bob, carol] = await Promise.all([
      registerUser(server.url),
      registerUser(server.url),
      registerUser(server.url),
    ]);
    await bob.api.post(`/api/v1/accounts/${alice.id}/follow`);
    await carol.api.post(`/api/v1/accounts/${alice.id}/follow`);
    await carol.api.post('/api/v1/tags/migrating/follow');
    const statuses: string[] = [];
    for (let i = 0; i < 60; i++) {
      const author = [alice, bob, carol][i % 3];
      const res = await author.api.post(
        '/api/v1/statuses',
        {
          status: `Crème brûlée number ${i} #Migrating #batch${i % 4} @${alice.username}`,
          visibility: i % 10 === 9 ? 'unlisted' : 'public',
        },
        { 'idempotency-key': `seed-${i}` },
      );
      statuses.push(res.body.id);
    }
    await bob.api.post('/api/v1/statuses', { status: 'a reply', in_reply_to_id: statuses[0] });
    await bob.api.post(`/api/v1/statuses/${statuses[0]}/favourite`);
    await carol.api.post(`/api/v1/statuses/${statuses[0]}/reblog`);
    await alice.api.delete(`/api/v1/statuses/${statuses[3]}`);
    return { statuses, alice: alice.username };
  } finally {
    await server.close();
  }
}

/** Every row of every table (but generated columns), in primary-key order, as comparable JSON. */
async function dump(kind: 'sqlite' | 'postgres', where: string): Promise<Record<string, unknown[]>> {
  const pg = openPostgres(target.url, 2);
  const sqlite = kind === 'postgres' ? null : openSqlite(where);
  const db = sqlite?.db ?? pg.db;
  try {
    const tables = (
      await sql<{
        table_name: string;
      }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(
        pg.db,
      )
    ).rows
      .map((r) => r.table_name)
      .filter((t) => !t.startsWith('kysely_'));
    const out: Record<string, unknown[]> = {};
    for (const t of tables.sort()) {
      const cols = (
        await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${t} AND is_generated = 'NEVER' ORDER BY column_name`.execute(
          pg.db,
        )
      ).rows.map((r) => r.column_name);
      const rows = await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(cols.map((c) => sql.id(c)))} FROM ${sql.id(t)}`.execute(db);
      out[t] = rows.rows
        .map((r) =>
          JSON.stringify(
            cols.map((c) => (r[c] === null ? null : typeof r[c] === 'boolean' ? Number(r[c]) : String(r[c]))),
          ),
        )
        .sort();
    }
    return out;
  } finally {
    await pg.db.destroy();
    if (sqlite) {
      await sqlite.db.destroy();
      await sqlite.stopped();
    }
  }
}

describe('npm run migrate-to-postgres', () => {
  it('copies every row of every table, verifies, and prints a summary', async () => {
    const res = await migrate(['--from', file, '--to', target.url]);
    expect(res.out).toMatch(/Done: \d+ rows in \d+ tables, verified/);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/statuses\s+61\s+61\s+\d+ compared, ok/);
    const [from, to] = [await dump('sqlite', file), await dump('postgres', '')];
    expect(Object.keys(to)).toEqual(Object.keys(from));
    for (const t of Object.keys(from)) expect({ table: t, rows: to[t] }).toEqual({ table: t, rows: from[t] });
    expect(from.statuses.length).toBe(61);
    expect(from.event_topics.length).toBeGreaterThan(100);
  });

  it('refuses a target that is not empty, and replaces it with --force', async () => {
    const refused = await migrate(['--from', file, '--to', target.url]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not empty.*--force/);
    const forced = await migrate(['--from', file, '--to', target.url, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/statuses\s+61\s+61/);
  });

  it('the migrated database serves: ids continue after the copied ones, full-text search finds copied statuses', async () => {
    const server = await startServer(
      await testConfig({ env: { DATABASE_URL: target.url }, drop: async () => {} }),
    );
    try {
      const anon = new Api(server.url);
      const found = await anon.get(`/api/v2/search?q=${encodeURIComponent('creme brulee 7')}&type=statuses`);
      expect(found.status).toBe(200);
      expect(found.body.statuses.map((s: { id: string }) => s.id)).toEqual([seeded.statuses[7]]);
      const u = await registerUser(server.url);
      const posted = await u.api.post('/api/v1/statuses', { status: 'first on PostgreSQL #migrating' });
      expect(posted.status).toBe(200);
      expect(Number(posted.body.id)).toBeGreaterThan(Math.max(...seeded.statuses.map(Number)));
      const lookup = await anon.get(`/api/v1/accounts/lookup?acct=${seeded.alice}`);
      expect(lookup.body.statuses_count).toBe(19); // 20 posted, one deleted
    } finally {
      await server.close();
    }
  });
});
