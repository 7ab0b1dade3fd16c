import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let user: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer();
  user = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

const NULS = '\u0000\u0000\u0000';
const DIRTY = 'a\u0000b\u001b[2Jc\u0008d\r\ne\tf\u007f';
const CLEAN = 'ab[2Jcd\ne\tf';
let n = 0;
const tag = () => `ctl${++n}${Math.random().toString(36).slice(2, 6)}`;

describe('control characters in user-written text', () => {
  it("a status of only NULs is refused like an empty one (422 Text can't be blank)", async () => {
    const res = await user.api.post('/api/v1/statuses', { status: NULS });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("Validation failed: Text can't be blank");
  });

  it.each([
    [
      'status text',
      async () => (await user.api.post('/api/v1/statuses', { status: DIRTY })).body,
      (b: { text?: string; content: string }) => b.content,
    ],
    [
      'spoiler text',
      async () => (await user.api.post('/api/v1/statuses', { status: 'x', spoiler_text: DIRTY })).body,
      (b: { spoiler_text: string }) => b.spoiler_text,
    ],
    [
      'display name',
      async () =>
        (await user.api.patch('/api/v1/accounts/update_credentials', { display_name: 'n\u0000m' })).body,
      (b: { display_name: string }) => b.display_name,
    ],
    [
      'bio',
      async () => (await user.api.patch('/api/v1/accounts/update_credentials', { note: DIRTY })).body,
      (b: { source: { note: string } }) => b.source.note,
    ],
    [
      'chat title and description',
      async () =>
        (
          await user.api.post('/api/v1/chats', {
            hashtag: tag(),
            title: `T\u0000${DIRTY}`,
            description: DIRTY,
            rules: DIRTY,
            time_zone: 'UTC',
          })
        ).body,
      (b: { title: string; description: string; rules: string }) => `${b.title}|${b.description}|${b.rules}`,
    ],
  ])('%s is stored without control characters', async (_name, write, read) => {
    // biome-ignore lint/suspicious/noExplicitAny: each row reads its own field of the entity.
    const value = read((await write()) as any);
    // Nothing below U+0020 but newline and tab, and no DEL, whatever the field.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(value).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    expect(value.replace(/<[^>]+>/g, '')).toMatch(/ab|nm|Tab/);
  });

  it('keeps newlines (CRLF normalised) and tabs in a bio', async () => {
    const res = await user.api.patch('/api/v1/accounts/update_credentials', { note: DIRTY });
    expect(res.body.source.note).toBe(CLEAN);
  });

  it('a chat title of only control characters is refused (422)', async () => {
    const res = await user.api.post('/api/v1/chats', { hashtag: tag(), title: NULS, time_zone: 'UTC' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/title/);
  });
});

describe('machine paths never fall through to the web app', () => {
  it.each([
    '/calendar/%00.ics',
    '/calendar/short.ics',
    '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
    '/calendar/',
    '/api/v1/nothing-here',
    '/oauth/nothing-here',
  ])('GET %s is a JSON 404', async (path) => {
    const res = await new Api(server.url).get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error).toBe('Record not found');
  });
});
