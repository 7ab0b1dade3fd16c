import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../../support/test-server';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Bundles the server as `npm start` runs it (packages/server/dist/main.js). */
export async function buildServer(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs'], { cwd: root, timeout: 120_000 });
}

/** One server process of an instance set. */
export interface Instance {
  name: string;
  url: string;
  proc: ChildProcess;
  /** Everything it wrote to stderr and stdout (LOG_LEVEL=warn: warnings and errors). */
  output(): string;
  /** SIGTERM and wait for the exit (a clean shutdown). */
  stop(): Promise<void>;
  /** SIGKILL: the process vanishes with its connections, as in a crash. */
  kill(): Promise<void>;
}

/**
 * Starts `node packages/server/dist/main.js` on a free port and waits until `/ready` answers;
 * with `fileLimit`, under that open-file limit (`ulimit -n`).
 */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  opts: { fileLimit?: number } = {},
): Promise<Instance> {
  const port = await freePort();
  const main = [process.execPath, 'packages/server/dist/main.js'];
  const [cmd, ...args] = opts.fileLimit
    ? ['/bin/sh', '-c', `ulimit -n ${opts.fileLimit} && exec "$@"`, 'sh', ...main]
    : main;
  const proc = spawn(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode}): ${out}`);
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${name} not ready in 30 s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const signal = async (s: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(s);
    await exited;
  };
  return { name, url, proc, output: () => out, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
