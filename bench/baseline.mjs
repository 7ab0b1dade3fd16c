// The bare limit: a Node broadcaster with no storage, no auth and no framework. It serves the
// few endpoints the benchmark touches, so the same load tool and client code run against it
// and against Hashchat. Every status is serialised once and written to every open stream.
//
//   node bench/baseline.mjs [port]      (or PORT=…; port 0 picks a free one)
// Prints `listening <port>` on stdout when ready; exits on SIGTERM/SIGINT.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { buildStatus } from './status-fixture.mjs';

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

/** tag → open SSE responses */
const sseByTag = new Map();
/** tag → open WebSockets */
const wsByTag = new Map();
/** tag → last 40 status JSON strings, newest first (for the history scenario) */
const historyByTag = new Map();
/** tag → the last RESUME_WINDOW SSE frames, oldest first, for readers that resume with Last-Event-ID */
const recentByTag = new Map();
const RESUME_WINDOW = 2_000;
/** bearer token → account id; account id → the accounts it excludes (blocks or mutes) */
const accountByToken = new Map();
const excludedBy = new Map();
let nextId = 1;
let nextAccount = 1;
/** Join storm: chat id → hashtag, session id → hashtag, question id → its session's hashtag. */
const chatTags = new Map();
const sessionTags = new Map();
const questionTags = new Map();

/** Adds a stream to a tag's readers, with the live set of accounts it must not be sent. */
const subscribe = (map, tag, member, excluded) => {
  const readers = map.get(tag) ?? new Map();
  map.set(tag, readers);
  readers.set(member, excluded);
  return () => readers.delete(member);
};

/** Any bearer token will do: the baseline measures delivery, not authentication. */
const hasBearer = (req) => /^Bearer \S/i.test(req.headers.authorization ?? '');

/** The account a bearer token stands for (any token gets one, lazily); null without a token. */
const accountOf = (req) => {
  const token = /^Bearer (\S+)/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  let id = accountByToken.get(token);
  if (id === undefined) {
    id = nextAccount++;
    accountByToken.set(token, id);
  }
  return id;
};

/** The live set of accounts a reader must not be sent (blocks and mutes), kept in memory like Hashchat's. */
const exclusionsOf = (account) => {
  if (account === null) return null;
  let set = excludedBy.get(account);
  if (!set) {
    set = new Set();
    excludedBy.set(account, set);
  }
  return set;
};

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          return resolve(JSON.parse(text));
        } catch (err) {
          return reject(err);
        }
      }
      resolve(Object.fromEntries(new URLSearchParams(text)));
    });
    req.on('error', reject);
  });

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const publish = (text, author) => {
  const id = nextId++;
  const tags = [...new Set([...text.matchAll(/#(\w+)/g)].map((m) => m[1].toLowerCase()))];
  const json = JSON.stringify(buildStatus({ id: String(id), text, tags }));
  for (const tag of tags) {
    const sseFrame = Buffer.from(`id: ${id}\nevent: update\ndata: ${json}\n\n`);
    const sse = sseByTag.get(tag);
    if (sse?.size) {
      for (const [res, excluded] of sse) if (!excluded?.has(author)) res.write(sseFrame);
    }
    const recent = recentByTag.get(tag) ?? [];
    recentByTag.set(tag, recent);
    recent.push({ id, author, frame: sseFrame });
    if (recent.length > RESUME_WINDOW * 1.5) recent.splice(0, recent.length - RESUME_WINDOW);
    const sockets = wsByTag.get(tag);
    if (sockets?.size) {
      const frame = Buffer.from(JSON.stringify({ stream: ['hashtag', tag], event: 'update', payload: json }));
      for (const [ws, excluded] of sockets) if (!excluded?.has(author)) ws.send(frame, { binary: false });
    }
    const history = historyByTag.get(tag) ?? [];
    historyByTag.set(tag, history);
    history.unshift(json);
    if (history.length > 40) history.pop();
  }
  return json;
};

/** Fixed JSON of about the size Hashchat answers for a chat page, a tag, a live state and an agenda. */
const filler = (bytes) => 'x'.repeat(bytes);
const chatPage = (tag) => ({
  id: '1',
  hashtag: tag,
  title: 'Join storm',
  description: filler(600),
  host: { id: '1', username: 'host', acct: 'host', display_name: 'Host', note: filler(200) },
  live_session: { id: '1', state: 'live', starts_at: new Date().toISOString(), ends_at: null },
  next_session: null,
  sessions: [],
});
const tagJson = (tag) => ({ name: tag, url: `http://${host}/tags/${tag}`, history: [], following: false });
const liveJson = {
  session_id: '1',
  current_question: null,
  counters: { statuses: 0, participants: 0 },
  pinned: [],
};
const agendaJson = [
  { id: '1', number: 1, text: 'What brings you here?', state: 'published', publish_at: null },
];

/** The part of a path after a prefix, up to the next slash. */
const segment = (url, index) => decodeURIComponent(url.pathname.split('/')[index] ?? '');

const routes = {
  'GET /api/v1/instance': async (_req, res) =>
    send(res, 200, { uri: host, title: 'baseline', version: '4.3.0' }),
  'POST /api/v1/apps': async (req, res) => {
    const body = await readBody(req);
    send(res, 200, {
      id: String(nextId++),
      name: body.client_name ?? 'bench',
      redirect_uri: body.redirect_uris ?? 'urn:ietf:wg:oauth:2.0:oob',
      client_id: `baseline-client-${nextId}`,
      client_secret: `baseline-secret-${nextId}`,
    });
  },
  'POST /oauth/token': async (req, res) => {
    const body = await readBody(req);
    send(res, 200, {
      access_token: `baseline-app-${nextId++}`,
      token_type: 'Bearer',
      scope: body.scope ?? 'read',
      created_at: Math.floor(Date.now() / 1000),
    });
  },
  'GET /api/v1/accounts/verify_credentials': async (req, res) => {
    const account = accountOf(req);
    if (account === null) return send(res, 401, { error: 'The access token is invalid' });
    send(res, 200, { id: String(account), username: `user${account}`, acct: `user${account}` });
  },
  'POST /api/v1/accounts/block': async (req, res, url) => exclude(req, res, url),
  'POST /api/v1/accounts/mute': async (req, res, url) => exclude(req, res, url),
  'POST /api/v1/accounts': async (req, res) => {
    if (!hasBearer(req)) return send(res, 401, { error: 'The access token is invalid' });
    await readBody(req);
    send(res, 200, {
      access_token: `baseline-user-${nextId++}`,
      token_type: 'Bearer',
      scope: 'read write',
      created_at: Math.floor(Date.now() / 1000),
    });
  },
  'POST /api/v1/statuses': async (req, res) => {
    if (!hasBearer(req)) return send(res, 401, { error: 'The access token is invalid' });
    const body = await readBody(req);
    if (typeof body.status !== 'string' || !body.status)
      return send(res, 422, { error: 'Validation failed' });
    const json = publish(body.status, accountOf(req));
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  },
  'GET /api/v1/streaming/hashtag': async (req, res, url) => {
    const tag = (url.searchParams.get('tag') ?? '').toLowerCase();
    if (!tag) return send(res, 400, { error: 'Missing tag' });
    const excluded = exclusionsOf(accountOf(req));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(':ok\n\n');
    const since = Number(req.headers['last-event-id']);
    if (since > 0) {
      // What it missed, from memory: the bare limit of a resume.
      const missed = (recentByTag.get(tag) ?? []).filter((e) => e.id > since && !excluded?.has(e.author));
      if (missed.length) res.write(Buffer.concat(missed.map((e) => e.frame)));
    }
    const unsubscribe = subscribe(sseByTag, tag, res, excluded);
    res.on('close', unsubscribe);
  },
  'GET /api/v1/timelines/tag': async (_req, res, url) => {
    const tag = decodeURIComponent(url.pathname.slice('/api/v1/timelines/tag/'.length)).toLowerCase();
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40);
    const text = `[${(historyByTag.get(tag) ?? []).slice(0, limit).join(',')}]`;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  },
  'POST /api/v1/chats': async (req, res) => {
    const body = await readBody(req);
    const id = String(nextId++);
    chatTags.set(id, String(body.hashtag ?? '').toLowerCase());
    send(res, 200, { id, hashtag: body.hashtag });
  },
  'POST /api/v1/chats/sessions': async (req, res, url) => {
    await readBody(req);
    const id = String(nextId++);
    sessionTags.set(id, chatTags.get(segment(url, 4)) ?? '');
    send(res, 200, { id });
  },
  'POST /api/v1/sessions/questions': async (req, res, url) => {
    await readBody(req);
    const id = String(nextId++);
    questionTags.set(id, sessionTags.get(segment(url, 4)) ?? '');
    send(res, 200, { id, number: 1, state: 'draft' });
  },
  'POST /api/v1/sessions/start': async (req, res) => {
    await readBody(req);
    send(res, 200, { state: 'live' });
  },
  'POST /api/v1/questions/publish': async (req, res, url) => {
    await readBody(req);
    const json = publish(
      `Q1 What brings you here? #${questionTags.get(segment(url, 4)) ?? ''}`,
      accountOf(req),
    );
    send(res, 200, { state: 'published', status: JSON.parse(json) });
  },
  'GET /api/v1/chats/by_tag': async (_req, res, url) => send(res, 200, chatPage(segment(url, 5))),
  'GET /api/v1/tags': async (_req, res, url) => send(res, 200, tagJson(segment(url, 4))),
  'GET /api/v1/sessions/room': async (_req, res, url) => {
    const tag = sessionTags.get(segment(url, 4)) ?? '';
    const text = `[${(historyByTag.get(tag) ?? []).join(',')}]`;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  },
  'GET /api/v1/sessions/live': async (_req, res) => send(res, 200, liveJson),
  'GET /api/v1/sessions/questions': async (_req, res) => send(res, 200, agendaJson),
  'GET /api/v1/streaming/chat': async (_req, res, url) => {
    const tag = sessionTags.get(url.searchParams.get('session_id') ?? '');
    if (tag === undefined) return send(res, 404, { error: 'Record not found' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(':ok\n\n');
    const unsubscribe = subscribe(sseByTag, tag, res, null);
    res.on('close', unsubscribe);
  },
};

/** POST /api/v1/accounts/:id/block or /mute: the caller's streams stop getting that account's statuses. */
const exclude = async (req, res, url) => {
  const account = accountOf(req);
  if (account === null) return send(res, 401, { error: 'The access token is invalid' });
  await readBody(req);
  const target = Number(url.pathname.split('/')[4]);
  exclusionsOf(account).add(target);
  send(res, 200, {
    id: String(target),
    blocking: url.pathname.endsWith('/block'),
    muting: url.pathname.endsWith('/mute'),
  });
};

/** Routes by method and path, with ids and names folded (`/api/v1/timelines/tag/:tag` → `/api/v1/timelines/tag`). */
const routeKey = (pathname) => {
  if (pathname.startsWith('/api/v1/timelines/tag/')) return '/api/v1/timelines/tag';
  if (pathname.startsWith('/api/v1/chats/by_tag/')) return '/api/v1/chats/by_tag';
  if (/^\/api\/v1\/tags\/[^/]+$/.test(pathname)) return '/api/v1/tags';
  const nested =
    /^\/api\/v1\/(chats|sessions|questions)\/[^/]+\/(sessions|questions|start|publish|room|live)$/.exec(
      pathname,
    );
  if (nested) return `/api/v1/${nested[1]}/${nested[2]}`;
  const action = /^\/api\/v1\/accounts\/\d+\/(block|mute)$/.exec(pathname);
  return action ? `/api/v1/accounts/${action[1]}` : pathname;
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = routeKey(url.pathname);
  const route = routes[`${req.method} ${path}`];
  if (!route) return send(res, 404, { error: 'Record not found' });
  try {
    await route(req, res, url);
  } catch {
    if (!res.headersSent) send(res, 400, { error: 'Bad request' });
  }
});
server.keepAliveTimeout = 60_000;

// Mastodon's WebSocket protocol: connect to /api/v1/streaming, then subscribe by message
// (or name one stream in the query string).
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/api/v1/streaming') return socket.destroy();
  const excluded = exclusionsOf(accountOf(req));
  wss.handleUpgrade(req, socket, head, (ws) => {
    const subscriptions = new Map();
    const add = (tag) => {
      const name = String(tag ?? '').toLowerCase();
      if (name && !subscriptions.has(name)) subscriptions.set(name, subscribe(wsByTag, name, ws, excluded));
    };
    if (url.searchParams.get('stream') === 'hashtag') add(url.searchParams.get('tag'));
    ws.on('message', (data) => {
      let msg;
      try {
        msg = JSON.parse(String(data));
      } catch {
        return;
      }
      if (msg?.stream !== 'hashtag') return;
      if (msg.type === 'subscribe') add(msg.tag);
      if (msg.type === 'unsubscribe') {
        const name = String(msg.tag ?? '').toLowerCase();
        subscriptions.get(name)?.();
        subscriptions.delete(name);
      }
    });
    ws.on('close', () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
    });
    ws.on('error', () => {});
  });
});

server.listen(port, host, () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});

const stop = () => {
  for (const readers of sseByTag.values()) for (const res of readers.keys()) res.destroy();
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
