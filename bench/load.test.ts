import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types
import { accountId, exclude } from './hashchat-client.mjs';

// End-to-end smoke test of the load tool against the bare broadcaster: every status reaches
// every reader exactly once, and the report carries latency and server figures. No timing
// thresholds: the machine is shared.

const run = promisify(execFile);
const baselinePath = fileURLToPath(new URL('./baseline.mjs', import.meta.url));
const loadPath = fileURLToPath(new URL('./load.mjs', import.meta.url));

let baseline: ChildProcess;
let url = '';

beforeAll(async () => {
  baseline = spawn(process.execPath, [baselinePath, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    baseline.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    baseline.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
});

afterAll(() => {
  baseline?.kill('SIGTERM');
});

describe('load.mjs against the baseline broadcaster', () => {
  it.each(['sse', 'ws'])('delivers every status exactly once to every reader over %s', async (transport) => {
    const { stdout } = await run(process.execPath, [
      loadPath,
      ...['--url', url, '--transport', transport, '--readers', '20', '--rate', '5', '--seconds', '2'],
      ...['--warmup', '0.5', '--token', 'smoke', '--pid', String(baseline.pid)],
    ]);
    const result = JSON.parse(stdout);

    expect(result.connect.open).toBe(20);
    expect(result.published.ok).toBe(10);
    expect(result.expected).toBe(20 * 10);
    expect(result.delivered).toBe(result.expected);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.unexpected).toBe(0);
    expect(result.latencyMs.count).toBe(result.delivered);
    for (const key of ['p50', 'p90', 'p99', 'max']) expect(result.latencyMs[key]).toBeGreaterThanOrEqual(0);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p99);
    expect(result.server.pid).toBe(baseline.pid);
    expect(result.server.rssPeakMB).toBeGreaterThan(0);
  });

  it('spreads readers and statuses over hashtags, and keeps a blocked or muted author from readers who exclude it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashchat-load-test-'));
    const file = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
      return join(dir, name);
    };
    const otherId = await accountId(url, 'other');
    await exclude(url, 'blocker', otherId, 'block');
    await exclude(url, 'muter', otherId, 'mute');
    const { stdout } = await run(process.execPath, [
      loadPath,
      ...['--url', url, '--readers', '8', '--rate', '10', '--seconds', '2', '--warmup', '0.5', '--tags', '2'],
      ...['--token', 'publisher', '--other-token', 'other', '--authed-share', '1'],
      ...['--reader-tokens', file('readers.txt', ['blocker', 'muter', 'fan', 'fan2'])],
      ...['--excluding-tokens', file('excluding.txt', ['blocker', 'muter'])],
      ...['--poster-tokens', file('posters.txt', ['poster-a', 'poster-b'])],
      ...['--mentions', file('mentions.txt', ['someone'])],
    ]);
    const result = JSON.parse(stdout);

    // 20 statuses over 2 hashtags: each reader reads 10. Statuses 9 and 19 (tag 1) come from the
    // other author; readers 1 (muter) and 5 (muter) are on tag 1 and exclude it.
    expect(result.published.ok).toBe(20);
    expect(result.expected).toBe(8 * 10 - 2 * 2);
    expect(result.delivered).toBe(result.expected);
    expect(result.leaked).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.unexpected).toBe(0);
  });

  it('times a reader catching up with Last-Event-ID', async () => {
    const { stdout } = await run(process.execPath, [
      loadPath,
      ...['--url', url, '--mode', 'resume', '--missed', '30', '--rounds', '2', '--token', 'smoke'],
    ]);
    const result = JSON.parse(stdout);

    expect(result.complete).toBe(2);
    expect(result.duplicated).toBe(0);
    expect(result.catchUpMs.count).toBe(2);
  });

  it('opens idle readers and reports memory per reader', async () => {
    const { stdout } = await run(process.execPath, [
      loadPath,
      ...[
        '--url',
        url,
        '--mode',
        'idle',
        '--readers',
        '20',
        '--settle',
        '0.2',
        '--pid',
        String(baseline.pid),
      ],
    ]);
    const result = JSON.parse(stdout);

    expect(result.open).toBe(20);
    expect(result.failed).toBe(0);
    expect(typeof result.kbPerReader).toBe('number');
  });

  it('counts statuses whose POST was refused as not published, not as lost', async () => {
    const { stdout } = await run(process.execPath, [
      loadPath,
      ...['--url', url, '--readers', '5', '--rate', '5', '--seconds', '1', '--warmup', '0', '--token', ''],
    ]);
    const result = JSON.parse(stdout);

    expect(result.published.ok).toBe(0);
    expect(result.published.statuses).toEqual([401]);
    expect(result.expected).toBe(0);
    expect(result.lost).toBe(0);
  });
});
