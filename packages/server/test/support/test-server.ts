import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { type Config, loadConfig } from '../../src/config';
import { type RunningServer, startServer } from '../../src/server';

export interface TestServer extends RunningServer {
  /** Stops the server and removes its database. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  now?: () => number;
  /** The process logger (default: pino at LOG_LEVEL to stdout). */
  logger?: Logger;
  /** Reuse a database (e.g. to restart "the same" instance); default: a fresh one. */
  database?: TestDatabase;
}

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.HASHCHAT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.HASHCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** Which back end the API suites run on: embedded by default, PostgreSQL + Redis with HASHCHAT_TEST_BACKEND=scale. */
export const backend: 'embedded' | 'scale' =
  process.env.HASHCHAT_TEST_BACKEND === 'scale' ? 'scale' : 'embedded';

/** A fresh database for one test file: a real SQLite file, or a real PostgreSQL database of its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (backend === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashchat-test-'));
    return {
      env: { DATABASE_URL: `sqlite:${path.join(dir, 'hashchat.db')}`, MEDIA_DIR: path.join(dir, 'media') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `hashchat_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // Uploaded images go to a folder of this database's own.
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hashchat-media-'));
  return {
    env: { DATABASE_URL: url.toString(), REDIS_URL, DATABASE_POOL_SIZE: '5', MEDIA_DIR: mediaDir },
    drop: async () => {
      fs.rmSync(mediaDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A free loopback port, so the server knows its own URL before it listens. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function testConfig(db: TestDatabase, env: Record<string, string> = {}): Promise<Config> {
  const port = env.PORT ?? String(await freePort());
  return loadConfig({
    PORT: port,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.HASHCHAT_TEST_LOG ?? 'silent',
    RATE_LIMIT_ENABLED: 'false',
    STREAM_HEARTBEAT_SECONDS: '15',
    ...db.env,
    ...env,
  });
}

/** A real server on an ephemeral port with its own fresh database, serving the built web app. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const db = opts.database ?? (await createTestDatabase());
  const config = await testConfig(db, opts.env);
  const server = await startServer(config, { now: opts.now, logger: opts.logger });
  return {
    ...server,
    async close() {
      await server.close();
      if (!opts.database) await db.drop();
    },
  };
}
