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
let nextId = 1;

const subscribe = (map, tag, member) => {
  const set = map.get(tag) ?? new Set();
  map.set(tag, set);
  set.add(member);
  return () => set.delete(member);
};

/** Any bearer token will do: the baseline measures delivery, not authentication. */
const hasBearer = (req) => /^Bearer \S/i.test(req.headers.authorization ?? '');

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

const publish = (text) => {
  const id = nextId++;
  const tags = [...new Set([...text.matchAll(/#(\w+)/g)].map((m) => m[1].toLowerCase()))];
  const json = JSON.stringify(buildStatus({ id: String(id), text, tags }));
  for (const tag of tags) {
    const sse = sseByTag.get(tag);
    if (sse?.size) {
      const frame = Buffer.from(`id: ${id}\nevent: update\ndata: ${json}\n\n`);
      for (const res of sse) res.write(frame);
    }
    const sockets = wsByTag.get(tag);
    if (sockets?.size) {
      const frame = Buffer.from(JSON.stringify({ stream: ['hashtag', tag], event: 'update', payload: json }));
      for (const ws of sockets) ws.send(frame, { binary: false });
    }
    const history = historyByTag.get(tag) ?? [];
    historyByTag.set(tag, history);
    history.unshift(json);
    if (history.length > 40) history.pop();
  }
  return json;
};

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
    const json = publish(body.status);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  },
  'GET /api/v1/streaming/hashtag': async (_req, res, url) => {
    const tag = (url.searchParams.get('tag') ?? '').toLowerCase();
    if (!tag) return send(res, 400, { error: 'Missing tag' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(':ok\n\n');
    const unsubscribe = subscribe(sseByTag, tag, res);
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
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.startsWith('/api/v1/timelines/tag/') ? '/api/v1/timelines/tag' : url.pathname;
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
  wss.handleUpgrade(req, socket, head, (ws) => {
    const subscriptions = new Map();
    const add = (tag) => {
      const name = String(tag ?? '').toLowerCase();
      if (name && !subscriptions.has(name)) subscriptions.set(name, subscribe(wsByTag, name, ws));
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
  for (const set of sseByTag.values()) for (const res of set) res.destroy();
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
