import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../packages/server/test/support/test-server';
// @ts-expect-error: a plain ES module without types
import { runJoinStorm } from './join-storm.mjs';
// @ts-expect-error: a plain ES module without types
import { startBaseline } from './servers.mjs';

// The join-storm harness end to end at a tiny N, against a real Hashchat (in this process) and
// against the baseline: every room is shown, every reader gets a live event and every status
// posted after it was surely subscribed. No timing assertions: the machine is shared.

let hashchat: TestServer;
let baseline: { url: string; pid: number; stop(): Promise<void> };

beforeAll(async () => {
  hashchat = await startTestServer();
  baseline = await startBaseline(mkdtempSync(join(tmpdir(), 'hashchat-join-storm-test-')));
});

afterAll(async () => {
  await baseline?.stop();
  await hashchat?.close();
});

describe('join-storm.mjs', () => {
  it.each(['hashchat', 'baseline'])(
    'shows every room and delivers every live status to every reader (%s)',
    async (name) => {
      const url = name === 'hashchat' ? hashchat.url : baseline.url;
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
