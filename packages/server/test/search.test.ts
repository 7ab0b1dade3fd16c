import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

type User = Awaited<ReturnType<typeof registerUser>>;
let server: TestServer;
let anon: Api;
let zed: User;
let s: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Api(server.url);
  zed = await registerUser(server.url, 'zedsearch');
  await zed.api.patch('/api/v1/accounts/update_credentials', { display_name: 'Quokka Fan' });
  await registerUser(server.url, 'zedother');
  await registerUser(server.url, 'under_score');
  const post = async (status: string, visibility = 'public') =>
    (await zed.api.post('/api/v1/statuses', { status, visibility })).body.id as string;
  s = {
    pangolin: await post('The pangolin is a scaly mammal #Wildlife'),
    snake: await post('tagged #snake_case only', 'unlisted'),
    both: await post('Pangolins and armadillos both dig #wildlifeWeek'),
    accents: await post('Crème brûlée is a dessert'),
    hidden: await post('pangolin secrets', 'private'),
    unlisted: await post('unlisted pangolin', 'unlisted'),
  };
});
afterAll(async () => {
  await server?.close();
});

const search = (q: string, extra = '') => anon.get(`/api/v2/search?q=${encodeURIComponent(q)}${extra}`);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('GET /api/v2/search', () => {
  it.each([
    ['zedsearch', ['zedsearch']],
    ['@zedsearch', ['zedsearch']],
    ['ZED', ['zedsearch', 'zedother']],
    ['quokka', ['zedsearch']],
    [`zedsearch@127.0.0.1`, ['zedsearch']],
    ['under_', ['under_score']],
    ['zed_', []],
    ['%search', []],
  ])('finds accounts by %j', async (q, usernames) => {
    const res = await search(q, '&type=accounts');
    expect(res.status).toBe(200);
    expect(res.body.accounts.map((a: { username: string }) => a.username).sort()).toEqual(
      [...usernames].sort(),
    );
  });

  it.each([
    ['wildlife', ['Wildlife', 'wildlifeWeek']],
    ['#WILDLIFEW', ['wildlifeWeek']],
    ['＃wildlife', ['Wildlife', 'wildlifeWeek']],
    ['snake_', ['snake_case']],
    ['wild_', []],
  ])('finds hashtags by prefix %j', async (q, names) => {
    const res = await search(q, '&type=hashtags');
    expect(res.body.hashtags.map((t: { name: string }) => t.name)).toEqual(names);
    if (names.length > 0) expect(res.body.hashtags[0].history).toHaveLength(7);
  });

  it.each([
    ['pangolin', ['pangolin']],
    ['PANGOLIN mammal', ['pangolin']],
    ['dig armadillos', ['both']],
    ['creme brulee', ['accents']],
    ['"unbalanced quote OR (', []],
    ['nothingmatches', []],
  ])('finds public statuses by full text %j', async (q, keys) => {
    const res = await search(q, '&type=statuses');
    expect(res.status).toBe(200);
    expect(ids(res.body.statuses)).toEqual(keys.map((k) => s[k]));
  });

  it('type filters the other kinds out', async () => {
    const res = await search('zedsearch', '&type=accounts');
    expect(res.body.hashtags).toEqual([]);
    expect(res.body.statuses).toEqual([]);
    const all = await search('wildlife');
    expect(all.body.hashtags.length).toBe(2);
    expect(all.body.statuses.length).toBe(1);
  });

  it.each([
    ['no q', ''],
    ['a blank q', '?q=%20%20'],
    ['an unknown type', '?q=x&type=everything'],
  ])('refuses %s with 422', async (_n, query) => {
    const res = await anon.get(`/api/v2/search${query}`);
    expect(res.status).toBe(422);
    expect(typeof res.body.error).toBe('string');
  });

  it('limit caps each kind', async () => {
    const res = await search('zed', '&type=accounts&limit=1');
    expect(res.body.accounts).toHaveLength(1);
  });
});
