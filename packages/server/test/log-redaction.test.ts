import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';
import { WsClient } from './support/ws';

// The server logs every request at debug; what it writes is read back here.
let out = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    out += chunk;
    done();
  },
});
let server: TestServer;
let user: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  server = await startTestServer({ env: { LOG_LEVEL: 'debug' }, logger: pino({ level: 'debug' }, sink) });
  user = await registerUser(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function untilLogged(text: string) {
  const deadline = Date.now() + 5000;
  while (!out.includes(text)) {
    if (Date.now() > deadline) throw new Error(`never logged ${text}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('logs at debug', () => {
  it('never hold tokens, codes, secrets, passwords or cookies, from URLs, headers or bodies', async () => {
    const secrets = ['SECRET-A', 'SECRET-B', 'SECRET-C', 'SECRET-D', 'SECRET-E', 'SECRET-F', user.token];
    await fetch(`${server.url}/api/v1/timelines/public?limit=1&access_token=SECRET-A`);
    await fetch(`${server.url}/api/v1/timelines/public?limit=2&access_token=${user.token}`);
    await fetch(
      `${server.url}/oauth/authorize?response_type=code&client_id=x&redirect_uri=y&code=SECRET-B&client_secret=SECRET-C&refresh_token=SECRET-D`,
    );
    await fetch(`${server.url}/api/v1/auth/sign_in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: 'hashchat_session=SECRET-E',
        authorization: `Bearer ${user.token}`,
      },
      body: JSON.stringify({ login: user.username, password: 'SECRET-F' }),
    });
    const ws = new WsClient(
      `${server.url.replace(/^http/, 'ws')}/api/v1/streaming?stream=public&access_token=SECRET-A`,
    );
    await ws.opened.catch(() => {});
    ws.close();
    await untilLogged('/oauth/authorize?');
    await untilLogged('/api/v1/auth/sign_in');
    await untilLogged('/api/v1/streaming?');
    await untilLogged('limit=2');
    // The requests were logged, with their query's credentials censored.
    expect(out).toContain('/api/v1/timelines/public?limit=1&access_token=[REDACTED]');
    expect(out).toContain('code=[REDACTED]&client_secret=[REDACTED]&refresh_token=[REDACTED]');
    for (const secret of secrets) expect(out).not.toContain(secret);
  });
});
