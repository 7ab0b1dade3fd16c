import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

interface ParsedEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Mastodon.py's reader (streaming.py): lines split on `\n`, a blank line dispatches what was
 * gathered, and an event without an `event` field is a MastodonMalformedEventError.
 */
function parseLikeMastodonPy(text: string): ParsedEvent[] {
  const out: ParsedEvent[] = [];
  let fields: Record<string, string> = {};
  const lines = text.split('\n');
  lines.pop(); // an unfinished line is not read yet
  for (const line of lines) {
    if (line === '') {
      if (!('event' in fields) || !('data' in fields))
        throw new Error(`MastodonMalformedEventError: Missing field in ${JSON.stringify(fields)}`);
      out.push({ id: fields.id ?? null, event: fields.event, data: fields.data });
      fields = {};
    } else if (!line.startsWith(':')) {
      const at = line.indexOf(': ');
      if (at < 0) throw new Error(`MastodonMalformedEventError: Malformed event ${line}`);
      const key = line.slice(0, at);
      const value = line.slice(at + 2);
      fields[key] = key === 'data' && key in fields ? `${fields.data}\n${value}` : value;
    }
  }
  return out;
}

/** The WHATWG EventSource algorithm: comments skipped, a blank line dispatches if there is data. */
function parseLikeEventSource(text: string): ParsedEvent[] {
  const out: ParsedEvent[] = [];
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  lines.pop();
  for (const line of lines) {
    if (line === '') {
      if (data.length) out.push({ id, event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
    } else if (!line.startsWith(':')) {
      const at = line.indexOf(':');
      const key = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      if (key === 'event') event = value;
      else if (key === 'data') data.push(value);
      else if (key === 'id') id = value;
    }
  }
  return out;
}

/**
 * mastodon-api 1.3's parser (lib/parser.js): a chunk that is exactly `:thump\n` is skipped, the
 * rest is cut at blank lines, and a piece that is not exactly two lines (`event: `, `data: `) is
 * dropped without a word.
 */
function parseLikeMastodonApi(chunks: string[]): ParsedEvent[] {
  const out: ParsedEvent[] = [];
  let message = '';
  for (const chunk of chunks) {
    if (chunk === ':thump\n') continue;
    message += chunk;
    const pieces = message.split('\n\n');
    message = pieces.pop() ?? '';
    for (const piece of pieces) {
      const root = piece.split('\n');
      if (root.length !== 2) continue;
      out.push({ id: null, event: root[0].slice(7), data: root[1].slice(6) });
    }
  }
  return out;
}

/** Reads a stream's raw text as it arrives. */
async function openRaw(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const chunks: string[] = [];
  let wake = (): void => {};
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const piece = decoder.decode(value, { stream: true });
        chunks.push(piece);
        text += piece;
        wake();
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    text: () => text,
    chunks: () => chunks,
    async until(check: (t: string) => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!check(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(text)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    },
    close: () => controller.abort(),
  };
}

describe('SSE framing as Mastodon writes it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { STREAM_HEARTBEAT_SECONDS: '1' } });
  });
  afterAll(async () => server?.close());

  it('opens with ":)\\n" and heartbeats with ":thump\\n", never a comment followed by a blank line', async () => {
    const stream = await openRaw(`${server.url}/api/v1/streaming/hashtag?tag=framing${Date.now()}`);
    await stream.until((t) => t.includes(':thump'));
    stream.close();
    expect(stream.text()).toMatch(/^:\)\n(:thump\n)+$/);
  });

  it.each([
    ['a Mastodon.py-style reader', parseLikeMastodonPy],
    ['a browser EventSource-style reader', parseLikeEventSource],
  ])('%s reads every event, with its id, across heartbeats and a resume', async (_name, parse) => {
    const user = await registerUser(server.url);
    const tag = `framing${Date.now()}`;
    const url = `${server.url}/api/v1/streaming/hashtag?tag=${tag}`;
    const first = await openRaw(url);
    await first.until((t) => t.includes(':thump'));
    const one = await user.api.post('/api/v1/statuses', { status: `one #${tag}` });
    await first.until((t) => parse(t).length === 1);
    // Let a heartbeat fall between two events.
    const beats = first.text().split(':thump').length;
    await first.until((t) => t.split(':thump').length > beats);
    const two = await user.api.post('/api/v1/statuses', { status: `two #${tag}` });
    await first.until((t) => parse(t).length === 2);
    first.close();
    const seen = parse(first.text());
    expect(seen.map((e) => [e.event, JSON.parse(e.data).id])).toEqual([
      ['update', one.body.id],
      ['update', two.body.id],
    ]);
    expect(seen.map((e) => e.id)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);

    // Back with Last-Event-ID of the first: the second comes again, then live ones.
    const again = await openRaw(url, { 'last-event-id': seen[0].id! });
    await again.until((t) => parse(t).length === 1);
    const three = await user.api.post('/api/v1/statuses', { status: `three #${tag}` });
    await again.until((t) => parse(t).length === 2);
    again.close();
    expect(parse(again.text()).map((e) => JSON.parse(e.data).id)).toEqual([two.body.id, three.body.id]);
  });

  it('sends no id lines, and opens with the heartbeat, to a reader that does not ask for text/event-stream (mastodon-api 1.3)', async () => {
    const user = await registerUser(server.url);
    const tag = `framing${Date.now()}`;
    // mastodon-api asks for `*/*`; so do Mastodon.py and most HTTP libraries.
    const stream = await openRaw(`${server.url}/api/v1/streaming/hashtag?tag=${tag}`, { accept: '*/*' });
    // Its first chunk, alone: the one mastodon-api skips.
    await stream.until((t) => t.length > 0);
    expect(stream.chunks()[0]).toBe(':thump\n');
    const posted: string[] = [];
    for (const n of ['one', 'two']) {
      posted.push((await user.api.post('/api/v1/statuses', { status: `${n} #${tag}` })).body.id);
      await stream.until((t) => parseLikeMastodonPy(t).length === posted.length);
    }
    stream.close();
    expect(stream.text()).toMatch(/^:thump\n/);
    expect(stream.text()).not.toMatch(/^id:/m);
    expect(parseLikeMastodonApi(stream.chunks()).map((e) => JSON.parse(e.data).id)).toEqual(posted);
    expect(parseLikeMastodonPy(stream.text()).map((e) => [e.id, JSON.parse(e.data).id])).toEqual(
      posted.map((id) => [null, id]),
    );
  });
});
