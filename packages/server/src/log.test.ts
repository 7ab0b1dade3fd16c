import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactUrl, withRedaction } from './log';

describe('redactUrl', () => {
  it.each([
    ['/api/v1/timelines/public', '/api/v1/timelines/public'],
    [
      '/api/v1/streaming?stream=user&access_token=abc',
      '/api/v1/streaming?stream=user&access_token=[REDACTED]',
    ],
    [
      '/oauth/authorize?code=c1&client_secret=s1&refresh_token=r1&state=ok',
      '/oauth/authorize?code=[REDACTED]&client_secret=[REDACTED]&refresh_token=[REDACTED]&state=ok',
    ],
    ['/x?ACCESS_TOKEN=abc&limit=2', '/x?ACCESS_TOKEN=[REDACTED]&limit=2'],
    ['/x?access%5Ftoken=abc', '/x?access%5Ftoken=[REDACTED]'],
    ['/x?password=hunter2', '/x?password=[REDACTED]'],
    ['/x?access_token', '/x?access_token=[REDACTED]'],
    ['/x?%E0=1&token=t', '/x?%E0=1&token=[REDACTED]'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('withRedaction', () => {
  it('censors credentials in logged objects at every level', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += chunk;
        done();
      },
    });
    const log = withRedaction(pino({ level: 'trace' }, sink));
    log.trace({ password: 'pw-1', body: { password: 'pw-2', client_secret: 'cs-1' } }, 'a');
    log.error({ req: { headers: { authorization: 'Bearer tok-1', cookie: 'hashchat_session=tok-2' } } }, 'b');
    log.info({ res: { headers: { 'set-cookie': 'hashchat_session=tok-3' } }, access_token: 'tok-4' }, 'c');
    for (const secret of ['pw-1', 'pw-2', 'cs-1', 'tok-1', 'tok-2', 'tok-3', 'tok-4'])
      expect(out).not.toContain(secret);
    expect(out).toContain('"password":"[REDACTED]"');
    expect(out).toContain('"set-cookie":"[REDACTED]"');
    expect(out).toContain('"access_token":"[REDACTED]"');
  });
});
