import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstances } from '../packages/server/test/support/federation';
// @ts-expect-error: a plain ES module without types
import { fedFanout } from './fed-fanout.mjs';
// @ts-expect-error: a plain ES module without types
import { fedInbound } from './fed-inbound.mjs';

// The federation fan-out and inbound runs end to end at S=3 against a real Hashchat (in this process): every
// Follow is accepted through the real inbox, and the question reaches each farm server's shared
// inbox exactly once, signed so the farm accepts it. No timing assertions: the machine is shared.

let hashchat: Instance;

beforeAll(async () => {
  [hashchat] = await startInstances(1);
});

afterAll(async () => {
  await hashchat?.close();
});

describe('fed-fanout.mjs', () => {
  it('gets every follow accepted and the question to each server once', async () => {
    const result = await fedFanout({
      url: hashchat.url,
      pid: process.pid,
      servers: 3,
      followers: 7,
      timeoutMs: 30_000,
    });
    expect(result).toMatchObject({
      followStatuses: { 202: 7 },
      complete: true,
      reached: 3,
      deliveriesPerServer: { min: 1, max: 1 },
      refused: 0,
    });
  }, 90_000);

  it('takes every signed remote reply into the room', async () => {
    const result = await fedInbound({
      url: hashchat.url,
      pid: process.pid,
      rate: 10,
      seconds: 1,
      accounts: 3,
      servers: 3,
    });
    expect(result).toMatchObject({ sent: 10, accepted: 10, inRoom: 10, refusedByFarm: 0 });
  }, 90_000);
});
