import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
