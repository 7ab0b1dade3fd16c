import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PORT = '6379';

/** Stops the test Redis at once, keeping nothing (a crash, as far as clients can tell). */
export async function stopRedis(): Promise<void> {
  await run('redis-cli', ['-p', PORT, 'shutdown', 'nosave']).catch(() => {});
  await waitFor(async () => !(await pingRedis()));
}

/** Starts the test Redis if it is not answering, and waits for it. */
export async function startRedis(): Promise<void> {
  if (await pingRedis()) return;
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    PORT,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await waitFor(pingRedis);
}

async function pingRedis(): Promise<boolean> {
  return run('redis-cli', ['-p', PORT, 'ping']).then(
    (r) => r.stdout.trim() === 'PONG',
    () => false,
  );
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Redis did not change state in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
