// biome-ignore-all lint/suspicious/noExplicitAny: API bodies are read field by field.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/client';
import { startTestServer, type TestServer } from '../support/test-server';
import { type ClientUser, oauthToken, pngFile, registerUser, run, tempDir } from './support';

/**
 * The toot CLI 0.34 (Debian's `toot`) as a daily client: signed in through OAuth (its config file
 * written as `toot login` would write it), it posts, uploads, schedules, reacts, follows, reads
 * timelines (paging them the way its TUI does), notifications and search.
 */
const TOOT = '/usr/bin/toot';
const PYTHON = '/usr/bin/python3';
const TAG = 'TootDay';

let server: TestServer;
let me: ClientUser;
let other: ClientUser;
let api: Api;
let image: string;
const tmp = tempDir('hashchat-toot-');
let env: Record<string, string>;

/** Runs `toot args…` as the signed-in user; returns its standard output, failing on a non-zero exit. */
async function toot(...args: string[]): Promise<string> {
  const out = await run(TOOT, args, env, { timeoutMs: 30_000 });
  if (out.code !== 0)
    throw new Error(`toot ${args.join(' ')} exited ${out.code}: ${out.stderr}${out.stdout}`);
  return out.stdout;
}

/** The id at the end of the status URL `toot post` prints. */
function postedId(output: string): string {
  const url = output.match(/Toot posted: (\S+)/)?.[1];
  const id = url?.match(/(\d+)$/)?.[1];
  if (!id) throw new Error(`no status URL in: ${output}`);
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
  me = await registerUser(server.url);
  other = await registerUser(server.url);
  api = new Api(server.url, me.token);
  const { token, app } = await oauthToken(server.url, me.username);
  // What `toot login` saves: the app per instance, the user, and who is active.
  const instance = new URL(server.url).host;
  const config = {
    apps: {
      [instance]: {
        instance,
        base_url: server.url,
        client_id: app.client_id,
        client_secret: app.client_secret,
      },
    },
    users: { [`${me.username}@${instance}`]: { instance, username: me.username, access_token: token } },
    active_user: `${me.username}@${instance}`,
  };
  fs.mkdirSync(path.join(tmp.dir, 'config', 'toot'), { recursive: true });
  fs.writeFileSync(path.join(tmp.dir, 'config', 'toot', 'config.json'), JSON.stringify(config));
  env = { HOME: tmp.dir, XDG_CONFIG_HOME: path.join(tmp.dir, 'config'), COLUMNS: '100' };
  image = (await pngFile(tmp.dir)).file;
}, 60_000);
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

describe('toot 0.34', () => {
  it('shows who is signed in and the instance', async () => {
    expect(await toot('whoami')).toContain(`@${me.username}`);
    expect(await toot('instance', '--disable-https')).toMatch(/4\.\d+\.\d+ \(compatible; Hashchat/);
  });

  it('posts, replies, and shows the thread', async () => {
    const id = postedId(await toot('post', `Hello from toot #${TAG}`));
    const status = (await api.get(`/api/v1/statuses/${id}`)).body;
    expect(status.content).toContain('Hello from toot');
    expect(status.tags.map((t: any) => t.name)).toEqual([TAG]);
    const reply = postedId(await toot('post', 'a reply from toot', '--reply-to', id));
    expect((await api.get(`/api/v1/statuses/${reply}`)).body.in_reply_to_id).toBe(id);
    const thread = await toot('thread', id);
    expect(thread).toContain('Hello from toot');
    expect(thread).toContain('a reply from toot');
  });

  it('favourites, boosts and bookmarks, and lists bookmarks', async () => {
    const id = (await new Api(server.url, other.token).post('/api/v1/statuses', { status: 'worth keeping' }))
      .body.id;
    await toot('favourite', id);
    await toot('reblog', id);
    await toot('bookmark', id);
    expect((await api.get(`/api/v1/statuses/${id}`)).body).toMatchObject({
      favourited: true,
      reblogged: true,
      bookmarked: true,
    });
    expect(await toot('bookmarks', '-1')).toContain('worth keeping');
    await toot('unbookmark', id);
    expect((await api.get('/api/v1/bookmarks')).body).toEqual([]);
  });

  it('posts an image with alt text (toot post -m … --description) and uploads one alone', async () => {
    const id = postedId(await toot('post', 'the dish', '-m', image, '--description', 'Bread with cheese'));
    const status = (await api.get(`/api/v1/statuses/${id}`)).body;
    expect(status.media_attachments).toHaveLength(1);
    expect(status.media_attachments[0]).toMatchObject({ type: 'image', description: 'Bread with cheese' });
    expect((await fetch(status.media_attachments[0].url)).status).toBe(200);
    const uploaded = await toot('upload', image, '--description', 'A bouquet');
    const mediaId = uploaded.match(/media ID (\d+)/)?.[1];
    expect((await api.get(`/api/v1/media/${mediaId}`)).body.description).toBe('A bouquet');
  });

  it('schedules a status for later instead of publishing it', async () => {
    const at = new Date(Date.now() + 3 * 3600_000).toISOString();
    expect(await toot('post', `Later #${TAG}`, '--scheduled-at', at)).toContain('Toot scheduled for');
    const scheduled = (await api.get('/api/v1/scheduled_statuses')).body;
    expect(scheduled.map((s: any) => s.params.text)).toEqual([`Later #${TAG}`]);
    const own = (await api.get(`/api/v1/accounts/${me.id}/statuses`)).body;
    expect(own.map((s: any) => s.content).join()).not.toContain('Later');
  });

  it('reads the home and hashtag timelines, and pages the hashtag past page one', async () => {
    const ids: string[] = [];
    // Posted through the API: toot's posting is tested above, and each run of toot costs a second.
    for (let i = 0; i < 5; i++)
      ids.push((await api.post('/api/v1/statuses', { status: `page ${i} #${TAG}Pages` })).body.id);
    expect(await toot('timeline', '-1', '-c', '2')).toContain('page 4');
    const tagged = await toot('timeline', '--tag', `${TAG}Pages`, '-1', '-c', '2');
    expect(tagged).toContain('page 4');
    expect(tagged).not.toContain('page 2');
    // The CLI pages only on a terminal; its TUI and CLI share this generator, which follows the
    // Link header and adds its own `limit` and `local` to the next URL's query.
    const script = [
      'import json',
      'from toot import api, config',
      'user, app = config.get_active_user_app()',
      `print(json.dumps([[s["id"] for s in page] for page in api.tag_timeline_generator(app, user, "${TAG}Pages", limit=2)]))`,
    ].join('\n');
    const out = await run(PYTHON, ['-c', script], env);
    expect(out.stderr).toBe('');
    const pages: string[][] = JSON.parse(out.stdout);
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages.slice(0, 3).map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it('follows an account and a hashtag, and lists them', async () => {
    expect(await toot('whois', other.username)).toContain(`@${other.username}`);
    await toot('follow', other.username);
    const rel = (await api.get(`/api/v1/accounts/relationships?id[]=${other.id}`)).body;
    expect(rel[0].following).toBe(true);
    expect(await toot('following', me.username)).toContain(other.username);
    await toot('tags_follow', TAG);
    expect((await api.get('/api/v1/followed_tags')).body.map((t: any) => t.name)).toEqual([TAG]);
    expect(await toot('tags_followed')).toContain(TAG);
  });

  it('reads notifications and searches', async () => {
    const them = new Api(server.url, other.token);
    await them.post(`/api/v1/accounts/${me.id}/follow`, {});
    await them.post('/api/v1/statuses', { status: `hello @${me.username}` });
    const notifications = await toot('notifications');
    expect(notifications).toContain(`hello @${me.username}`);
    expect(notifications).toContain(`@${other.username} now follows you`);
    const found = await toot('search', other.username);
    expect(found).toContain(`@${other.username}`);
    expect(await toot('search', TAG)).toContain(`#${TAG}`);
  });

  it('deletes a status', async () => {
    const id = postedId(await toot('post', 'short-lived'));
    await toot('delete', id);
    expect((await api.get(`/api/v1/statuses/${id}`)).status).toBe(404);
  });
});
