import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_LIMITS, statusContext } from '../src/services/status-context';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let anon: Api;
let alice: User;
let bob: User;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
  [alice, bob] = await Promise.all([registerUser(server.url), registerUser(server.url)]);
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: { id: string }[]) => list.map((s) => s.id);

async function post(user: User, status: string, inReplyTo?: string, visibility = 'public'): Promise<string> {
  const res = await user.api.post('/api/v1/statuses', { status, in_reply_to_id: inReplyTo, visibility });
  expect(res.status).toBe(200);
  return res.body.id;
}

/** A reply chain of `length` statuses under `root`, returned top first. */
async function chain(root: string, length: number): Promise<string[]> {
  const out: string[] = [];
  let parent = root;
  for (let i = 0; i < length; i += 1) {
    parent = await post(i % 2 ? alice : bob, `level ${i + 1}`, parent);
    out.push(parent);
  }
  return out;
}

/** Counts the statements a database handle runs. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe('/api/v1/statuses/:id/context', () => {
  it('orders descendants depth-first, replies by id, and leaves out what the viewer may not see with what hangs below it', async () => {
    const root = await post(alice, 'root');
    const a = await post(bob, 'a', root);
    const b = await post(alice, 'b', root);
    const a1 = await post(alice, 'a1', a);
    const b1 = await post(bob, 'b1', b);
    const a2 = await post(bob, 'a2', a);
    const a1x = await post(bob, 'a1x', a1);
    // Followers-only: anonymous readers see neither it nor the public reply below it.
    const hidden = await post(bob, 'hidden', root, 'private');
    const belowHidden = await post(bob, 'below hidden', hidden);
    const c = await post(bob, 'c', root);

    const seen = (await anon.get(`/api/v1/statuses/${root}/context`)).body;
    expect(seen.ancestors).toEqual([]);
    expect(ids(seen.descendants)).toEqual([a, a1, a1x, a2, b, b1, c]);
    const own = (await bob.api.get(`/api/v1/statuses/${root}/context`)).body;
    expect(ids(own.descendants)).toEqual([a, a1, a1x, a2, b, b1, hidden, belowHidden, c]);

    const ofA1x = (await anon.get(`/api/v1/statuses/${a1x}/context`)).body;
    expect(ids(ofA1x.ancestors)).toEqual([root, a, a1]);
    expect(ofA1x.descendants).toEqual([]);
    // Ancestors stop at the nearest one the viewer may not see.
    expect(ids((await anon.get(`/api/v1/statuses/${belowHidden}/context`)).body.ancestors)).toEqual([]);
  });

  it(`reaches ${CONTEXT_LIMITS.ancestors} ancestors up and ${CONTEXT_LIMITS.depth} levels down a deep thread, in a bounded number of queries`, async () => {
    const root = await post(alice, 'deep root');
    const levels = await chain(root, CONTEXT_LIMITS.ancestors + 4);

    const down = (await anon.get(`/api/v1/statuses/${root}/context`)).body;
    expect(ids(down.descendants)).toEqual(levels.slice(0, CONTEXT_LIMITS.depth));
    const last = levels[levels.length - 1];
    const up = (await anon.get(`/api/v1/statuses/${last}/context`)).body;
    expect(ids(up.ancestors)).toEqual([root, ...levels].slice(-1 - CONTEXT_LIMITS.ancestors, -1));

    const counter = new QueryCounter();
    const db = server.ctx.store.db.withPlugin(counter);
    const row = { id: Number(last), in_reply_to_id: Number(levels[levels.length - 2]) };
    const thread = await statusContext(db, row, null);
    expect(thread.ancestors).toHaveLength(CONTEXT_LIMITS.ancestors);
    // One query for the chain and one for its visibility; one for the (absent) replies.
    expect(counter.count).toBeLessThanOrEqual(3);

    counter.count = 0;
    await statusContext(db, { id: Number(root), in_reply_to_id: null }, null);
    // Two per level of replies (read them, check their visibility), not one per status.
    expect(counter.count).toBeLessThanOrEqual(2 * CONTEXT_LIMITS.depth);
  });

  it(`answers at most ${CONTEXT_LIMITS.descendants} descendants, the first ones depth-first`, async () => {
    const root = await post(alice, 'wide root');
    const expected: string[] = [];
    for (let branch = 0; branch < 3; branch += 1) {
      const top = await post(alice, `branch ${branch}`, root);
      expected.push(top);
      for (let i = 0; i < 70; i += 1) expected.push(await post(bob, `reply ${branch}.${i}`, top));
    }
    const seen = ids((await anon.get(`/api/v1/statuses/${root}/context`)).body.descendants);
    expect(seen).toEqual(expected.slice(0, CONTEXT_LIMITS.descendants));
  });
});
