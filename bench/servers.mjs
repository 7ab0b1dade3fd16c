// Starts and stops the servers under test as child processes: the baseline (which prints its
// port) and Hashchat (started by a shell command in its own process group, on a free port,
// with a fresh SQLite file, ready once /api/v1/instance answers).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const baselinePath = fileURLToPath(new URL('./baseline.mjs', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** @typedef {{ name: string, url: string, pid: number, log: string, stop: () => Promise<void> }} RunningServer */

/** The command line, run under `taskset -c <cpus>` when cpus are given. */
const pinned = (cpus, file, argv) => (cpus ? ['taskset', ['-c', cpus, file, ...argv]] : [file, argv]);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const waitForExit = (child, ms) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const stopper = (child, group, cleanup) => async () => {
  const signal = (sig) => {
    try {
      if (group) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    signal('SIGKILL');
    await waitForExit(child, 5_000);
  }
  cleanup?.();
};

/**
 * Starts bench/baseline.mjs on a free port, on the given CPUs (taskset list) if any.
 * @param {string} logDir @param {string} [cpus] @returns {Promise<RunningServer>}
 */
export const startBaseline = (logDir, cpus) =>
  new Promise((resolve, reject) => {
    const log = join(logDir, 'baseline.log');
    const child = spawn(...pinned(cpus, process.execPath, [baselinePath, '0']), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.pipe(createWriteStream(log, { flags: 'a' }));
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match)
        resolve({
          name: 'baseline',
          url: `http://127.0.0.1:${match[1]}`,
          pid: child.pid,
          log,
          stop: stopper(child),
        });
    });
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
    child.once('error', reject);
  });

/**
 * Starts Hashchat with `command` (a shell command run from the repository root), on the
 * given CPUs (taskset list) if any. `name` tells two builds apart in one run; `env` adds to
 * (or overrides) its environment.
 * @param {string} command @param {string} logDir @param {string} [cpus] @param {string} [name]
 * @param {Record<string, string>} [env]
 * @returns {Promise<RunningServer>}
 */
export const startHashchat = async (command, logDir, cpus, name = 'hashchat', env = {}) => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hashchat-bench-'));
  const log = join(logDir, `${name}.log`);
  const logStream = createWriteStream(log, { flags: 'a' });
  const child = spawn(...pinned(cpus, 'sh', ['-c', command]), {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'bench.db')}`,
      RATE_LIMIT_ENABLED: 'false',
      // Every reader of the load tool comes from 127.0.0.1, often on a handful of accounts: the
      // per-address and per-account stream caps (64 and 32 by default) would refuse all but a few.
      STREAMS_PER_ADDRESS: '1000000',
      STREAMS_PER_ACCOUNT: '1000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const stop = stopper(child, true, () => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/v1/instance`);
      await res.arrayBuffer();
      if (res.ok) return { name, url, pid: child.pid, log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Hashchat did not answer on ${url} (exit ${child.exitCode}); see ${log}`);
};
