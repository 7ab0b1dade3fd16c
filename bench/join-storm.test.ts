import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../packages/server/test/support/test-server';
// @ts-expect-error: a plain ES module without types
import { runJoinStorm } from './join-storm.mjs';

// The join-storm harness end to end at a tiny N, against a real Hashchat (in this process) and
// against the baseline: every room is shown, every reader gets a live event and every status
// posted after it was surely subscribed. No timing assertions: the machine is shared.

const baselinePath = fileURLToPath(new URL('./baseline.mjs', import.meta.url));

let hashchat: TestServer;
let baseline: ChildProcess;
let baselineUrl = '';

beforeAll(async () => {
  hashchat = await startTestServer();
  baseline = spawn(process.execPath, [baselinePath, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  baselineUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    baseline.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    baseline.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
});

afterAll(async () => {
  baseline?.kill('SIGTERM');
  await hashchat?.close();
});

describe('join-storm.mjs', () => {
  it.each(['hashchat', 'baseline'])(
    'shows every room and delivers every live status to every reader (%s)',
    async (name) => {
      const url = name === 'hashchat' ? hashchat.url : baselineUrl;
      const pid = name === 'hashchat' ? process.pid : baseline.pid;
      const result = await runJoinStorm({
        url,
        pid,
        readers: 12,
        arrivalSeconds: 1,
        rate: 10,
        afterSeconds: 1,
        sockets: 8,
      });

      expect(result.failures).toEqual({ room: 0, stream: 0, closed: 0, errors: {} });
      expect(result.q1Status).toBe(200);
      expect(result.roomShown).toBe(12);
      expect(result.roomShownMs.count).toBe(12);
      expect(result.roomKBPerJoin).toBeGreaterThan(0);
      expect(result.firstLiveEvent).toBe(12);
      expect(result.published.ok).toBe(result.published.issued);
      expect(result.expected).toBeGreaterThan(0);
      expect(result.delivered).toBe(result.expected);
      expect(result.deliveredPct).toBe(100);
      expect(result.deliveredPctMinReader).toBe(100);
      expect(result.server.cpuMsPerJoin).toBeGreaterThanOrEqual(0);
      expect(result.server.rssPeakMB).toBeGreaterThan(0);
    },
    30_000,
  );
});
