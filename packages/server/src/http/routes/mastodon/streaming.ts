import { listStreamQuery } from '@hashchat/api/requests/lists';
import { hashtagStreamQuery } from '@hashchat/api/requests/timelines';
import { parseRequest } from '@hashchat/api/requests/validation';
import { accountTopic, directTopic, listTopic, tagTopic, userTopic } from '@hashchat/api/topics';
import { HashchatError } from '@hashchat/core/errors';
import { normalizeTag } from '@hashchat/core/text/tag-name';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { hasScope } from '../../../auth/scopes';
import type { Context } from '../../../context';
import {
  compileStatusFilter,
  filterStreamEvent,
  loadStatusFilter,
  type StatusFilter,
} from '../../../services/filters';
import { resolveSessionStream } from '../../../services/live/session-stream';
import { loadSafety } from '../../../services/moderation/stream-safety';
import type { StoredEvent } from '../../../store/events';
import { latestEventId } from '../../../store/events';
import { followedAccounts } from '../../../store/follows';
import { exclusiveMemberIds, findOwnList, listMemberIds } from '../../../store/lists';
import { followedTagNames } from '../../../store/tags';
import type { Reader } from '../../../stream/reader';
import { SseReader } from '../../../stream/sse';
import { WsReader } from '../../../stream/ws';
import type { Viewer } from '../../auth';
import type { RouteModule } from '../../route-module';
import { admitStream } from '../../stream-admission';
import { letGoOfUpgrade } from '../../ws-upgrade';

/** A stream a client asks for, resolved to bus topics and the name Mastodon clients know it by. */
interface StreamSpec {
  topics: string[];
  name: string[];
  events: ReadonlySet<string> | null;
  /**
   * The topic whose `hashchat.follow`/`hashchat.unfollow` events add and drop this stream's
   * topics (the viewer's user topic, a list's topic), null for a fixed set.
   */
  controlTopic?: string;
  /** Accounts followed with reblogs off, whose reblogs a user stream leaves out. */
  hiddenReblogs?: number[];
  /** A rule for this stream's events, given the reader (a list's replies policy). */
  gate?: (reader: Reader) => (topic: string, event: StoredEvent) => boolean;
  /** Called with each reader that opens the stream (a session's room counts its people). */
  track?: (reader: Reader) => void;
}

const streamJson = (name: string[]) => JSON.stringify(name);
const sameName = (a: string[] | undefined, b: string[]) => a !== undefined && streamJson(a) === streamJson(b);

/**
 * One stream of a socket leaves a topic: another stream sharing it (`alsoOn`) takes it over.
 * True when no stream of the socket holds it any more, so the caller drops it from the hub.
 */
function leaveTopic(reader: Reader, topic: string, name: string[]): boolean {
  const rest = (reader.alsoOn.get(topic) ?? []).filter((n) => !sameName(n, name));
  let gone = false;
  if (sameName(reader.topics.get(topic), name)) {
    if (rest.length === 0) gone = true;
    else reader.topics.set(topic, rest.shift()!);
  }
  if (rest.length > 0) reader.alsoOn.set(topic, rest);
  else reader.alsoOn.delete(topic);
  return gone;
}

async function resolveStream(
  ctx: Context,
  viewer: Viewer,
  stream: string,
  tag: string | undefined,
  /** The session's curated stream rather than its full one (`stream: "chat"` only). */
  curated = false,
): Promise<StreamSpec> {
  const needUser = () => {
    if (viewer.accountId === null) throw new HashchatError('Unauthorized', 'Error: Missing access token');
    if (!hasScope(viewer.scopes, 'read:statuses') && !hasScope(viewer.scopes, 'read:notifications')) {
      throw new HashchatError('Forbidden', 'Access token does not have the required scopes');
    }
    return viewer.accountId;
  };
  const needPublic = () => {
    if (!ctx.config.publicStreams && viewer.accountId === null)
      throw new HashchatError('Unauthorized', 'Error: Missing access token');
  };
  switch (stream) {
    case 'user': {
      const me = needUser();
      const [follows, tags, exclusive] = await Promise.all([
        followedAccounts(ctx.store.db, me),
        followedTagNames(ctx.store.db, me),
        exclusiveMemberIds(ctx.store.db, me),
      ]);
      return {
        topics: [
          userTopic(me),
          accountTopic(me),
          // Members of exclusive lists are read on those lists, not at home (as the home timeline).
          ...follows.filter((f) => !exclusive.has(f.id)).map((f) => accountTopic(f.id)),
          ...tags.map((name) => tagTopic(name)),
        ],
        name: ['user'],
        events: null,
        controlTopic: userTopic(me),
        hiddenReblogs: follows.filter((f) => !f.showReblogs).map((f) => f.id),
      };
    }
    case 'user:notification': {
      const me = needUser();
      return {
        topics: [userTopic(me)],
        name: ['user:notification'],
        events: new Set(['notification']),
      };
    }
    case 'direct': {
      const me = needUser();
      return { topics: [directTopic(me)], name: ['direct'], events: new Set(['conversation']) };
    }
    case 'public':
    case 'public:local':
      needPublic();
      return { topics: [stream], name: [stream], events: null };
    case 'public:remote':
      needPublic();
      return { topics: [], name: [stream], events: null };
    case 'hashtag':
    case 'hashtag:local': {
      needPublic();
      const name = normalizeTag((tag ?? '').replace(/^[#＃]/, ''));
      if (!name) throw new HashchatError('Invalid', 'Error: Missing tag name parameter');
      return {
        topics: [tagTopic(name)],
        name: [stream, tag!.replace(/^[#＃]/, '')],
        events: null,
      };
    }
    case 'list': {
      // The owner's only: another account's list, or none, is a 404 like the REST routes.
      const me = needUser();
      if (!hasScope(viewer.scopes, 'read:lists') && !hasScope(viewer.scopes, 'read:statuses'))
        throw new HashchatError('Forbidden', 'Access token does not have the required scopes');
      const id = /^\d{1,18}$/.test(tag ?? '') ? Number(tag) : null;
      const list = id === null ? undefined : await findOwnList(ctx.store.db, me, id);
      if (!list) throw new HashchatError('NotFound', 'Error: Unknown list');
      const members = await listMemberIds(ctx.store.db, list.id);
      const followed =
        list.replies_policy === 'followed'
          ? new Set((await followedAccounts(ctx.store.db, me)).map((f) => f.id))
          : null;
      const name = ['list', String(list.id)];
      return {
        topics: [listTopic(list.id), ...members.map(accountTopic)],
        name,
        events: null,
        controlTopic: listTopic(list.id),
        gate: (reader) => (topic, e) => {
          // Only this stream's own topics; and a status that replies to nobody passes at once.
          if (reader.topics.get(topic) !== name || e.event !== 'update') return true;
          if (e.payload.includes('"in_reply_to_account_id":null')) return true;
          const s = JSON.parse(e.payload) as { account: { id: string }; in_reply_to_account_id: string };
          const to = s.in_reply_to_account_id;
          // As the list timeline: replies to oneself or to the owner always; then the list's policy.
          if (to === s.account.id || Number(to) === me) return true;
          if (list.replies_policy === 'list') return reader.topics.get(accountTopic(to)) === name;
          return followed?.has(Number(to)) ?? false;
        },
      };
    }
    case 'chat': {
      // A session's room; `tag` carries the session id (`session_id` in the message or query).
      const room = await resolveSessionStream(ctx, tag, curated);
      return { topics: room.topics, name: room.name, events: null, track: room.track };
    }
    default:
      throw new HashchatError('Invalid', 'Error: Unknown stream type');
  }
}

/**
 * Whether a stream's events carry `id:` lines. Readers that can resume get them: EventSource and
 * other SSE libraries ask for `text/event-stream`, and a reader resuming already sent an id.
 * Others get Mastodon's framing exactly, `event:` and `data:` only: mastodon-api 1.3 reads an
 * event as exactly those two lines and silently drops any event with a third.
 */
function sendsEventIds(req: FastifyRequest, since: number | null): boolean {
  return since !== null || String(req.headers.accept ?? '').includes('text/event-stream');
}

/** Applies the viewer's filters to what the stream writes, and their changes from the event that carries them. */
async function installFilters(ctx: Context, reader: Reader, viewerId: number | null): Promise<void> {
  if (viewerId === null) return;
  const use = (filter: StatusFilter | null) => {
    reader.filterEvent = filter
      ? (topic, e) => filterStreamEvent(filter, reader.topics.get(topic)?.[0], e)
      : null;
  };
  reader.onFiltersChanged = (payload) => use(compileStatusFilter(JSON.parse(payload), ctx.now));
  use(await loadStatusFilter(ctx, viewerId));
}

function lastEventId(req: FastifyRequest): number | null {
  const raw =
    req.headers['last-event-id'] ??
    (req.query as Record<string, unknown>).last_event_id ??
    (req.query as Record<string, unknown>).since_id;
  if (typeof raw !== 'string' || !/^\d{1,18}$/.test(raw)) return null;
  return Number(raw);
}

function attachSpec(ctx: Context, reader: Reader, spec: StreamSpec) {
  for (const t of spec.topics) reader.topics.set(t, spec.name);
  reader.setStreamEvents(spec.name, spec.events);
  for (const id of spec.hiddenReblogs ?? []) reader.hiddenReblogs.add(id);
  followFollows(ctx, reader, spec);
  if (spec.gate) reader.gates.push(spec.gate(reader));
  spec.track?.(reader);
}

/** Each reader's streams that change their topics, by the topic their changes arrive on. */
const controlled = new WeakMap<Reader, Map<string, string[]>>();

/**
 * A user stream adds and drops the topics of accounts and hashtags the viewer follows or
 * unfollows meanwhile; a list stream those of accounts added to or removed from the list.
 */
function followFollows(ctx: Context, reader: Reader, spec: StreamSpec) {
  if (!spec.controlTopic) return;
  let streams = controlled.get(reader);
  if (!streams) {
    const byTopic = new Map<string, string[]>();
    streams = byTopic;
    controlled.set(reader, byTopic);
    reader.onControl = (e, via) => {
      const name = byTopic.get(via);
      if (!name || (e.event !== 'hashchat.follow' && e.event !== 'hashchat.unfollow')) return;
      const { topic } = JSON.parse(e.payload) as { topic: string };
      if (e.event === 'hashchat.follow') {
        const holder = reader.topics.get(topic);
        const also = reader.alsoOn.get(topic) ?? [];
        if (!holder) {
          reader.topics.set(topic, name);
          void ctx.hub.addTopic(reader, topic);
        } else if (!sameName(holder, name) && !also.some((n) => sameName(n, name))) {
          // Another stream of this socket holds the topic: its events go out under both names.
          reader.alsoOn.set(topic, [...also, name]);
        }
        return;
      }
      // Unfollowed: this stream leaves the topic; a WebSocket may still hold it for another stream.
      if (leaveTopic(reader, topic, name)) void ctx.hub.removeTopic(reader, topic);
    };
  }
  streams.set(spec.controlTopic, spec.name);
}

/** What a WebSocket's upgrade request said, kept rather than the request itself. */
interface WsOpening {
  viewer: Viewer;
  /** A stream to subscribe to at once (`?stream=…`), with its tag, list or session. */
  stream: string | undefined;
  param: string | undefined;
  since: number | null;
  curated: boolean;
  ack: boolean;
}

/**
 * Mastodon's WebSocket streaming on one socket: `subscribe` and `unsubscribe` messages, or a
 * stream named in the query. Takes what the upgrade said, never the request: whatever a
 * closure here holds lives as long as the socket.
 */
function serveWebSocket(
  ctx: Context,
  socket: WebSocket,
  opening: WsOpening,
  bind: ((reader: Reader) => void) | undefined,
): void {
  const { viewer } = opening;
  const reader = new WsReader(socket, ctx.config.stream.maxBufferedBytes);
  bind?.(reader);
  const error = (message: string) => reader.sendRaw(JSON.stringify({ error: message }));
  let attached = false;
  /** The socket's streams by key "stream|tag": their topics and the name they go out under. */
  const subscribed = new Map<string, { topics: string[]; name: string[] }>();

  /**
   * A client that asks (`"ack": true` in the message, `ack=true` in the query) hears
   * `{"event":"hashchat.subscribed","stream":[…]}` once the subscription is live, or
   * `hashchat.unsubscribed` once it is gone. Mastodon sends nothing; its clients never ask.
   */
  const acknowledge = (event: 'hashchat.subscribed' | 'hashchat.unsubscribed', stream: string[]) =>
    reader.sendRaw(JSON.stringify({ event, stream }));

  /** Subscribes; resolves with the stream's name once events reach the socket. */
  const subscribe = async (
    stream: string,
    tag: string | undefined,
    since: number | null,
    curated: boolean,
  ) => {
    const key = `${stream}|${tag ?? ''}${curated ? '|curated' : ''}`;
    const known = subscribed.get(key);
    if (known) return known.name;
    const spec = await resolveStream(ctx, viewer, stream, tag, curated);
    subscribed.set(key, { topics: spec.topics, name: spec.name });
    if (!attached) {
      attached = true;
      attachSpec(ctx, reader, spec);
      (await loadSafety(ctx, viewer.accountId))(reader);
      await installFilters(ctx, reader, viewer.accountId);
      await ctx.hub.attach(reader, since);
      return spec.name;
    }
    reader.setStreamEvents(spec.name, spec.events);
    followFollows(ctx, reader, spec);
    if (spec.gate) reader.gates.push(spec.gate(reader));
    spec.track?.(reader);
    for (const t of spec.topics) {
      const holder = reader.topics.get(t);
      if (!holder) reader.topics.set(t, spec.name);
      else if (!sameName(holder, spec.name)) {
        // Another stream of this socket holds the topic: its events go out under both names.
        reader.alsoOn.set(t, [...(reader.alsoOn.get(t) ?? []), spec.name]);
        continue;
      }
      await ctx.hub.addTopic(reader, t, since);
    }
    return spec.name;
  };

  socket.on('message', (data) => {
    void (async () => {
      let msg: {
        type?: string;
        stream?: string;
        tag?: string;
        list?: string | number;
        session_id?: string | number;
        since_id?: string | number;
        ack?: unknown;
        curated?: unknown;
      };
      try {
        msg = JSON.parse(String(data));
      } catch {
        return error('Invalid JSON');
      }
      try {
        const since =
          msg.since_id !== undefined && /^\d{1,18}$/.test(String(msg.since_id)) ? Number(msg.since_id) : null;
        const param =
          msg.tag ??
          (msg.list !== undefined ? String(msg.list) : undefined) ??
          (msg.session_id !== undefined ? String(msg.session_id) : undefined);
        if (msg.type === 'subscribe' && msg.stream) {
          const name = await subscribe(msg.stream, param, since, msg.curated === true);
          if (msg.ack === true) acknowledge('hashchat.subscribed', name);
        } else if (msg.type === 'unsubscribe' && msg.stream) {
          const key = `${msg.stream}|${param ?? ''}${msg.curated === true ? '|curated' : ''}`;
          const gone = subscribed.get(key);
          for (const t of gone?.topics ?? []) {
            if (gone && leaveTopic(reader, t, gone.name)) await ctx.hub.removeTopic(reader, t);
          }
          const name = gone?.name ?? [msg.stream];
          subscribed.delete(key);
          if (msg.ack === true) acknowledge('hashchat.unsubscribed', name);
        } else error('Unknown message type');
      } catch (err) {
        error(err instanceof HashchatError ? err.message : 'Internal error');
      }
    })();
  });

  if (opening.stream) {
    subscribe(opening.stream, opening.param, opening.since, opening.curated).then(
      (name) => opening.ack && acknowledge('hashchat.subscribed', name),
      (err) => {
        error(err instanceof HashchatError ? err.message : 'Internal error');
        socket.close(1008, 'subscribe failed');
      },
    );
  } else {
    // Attach with no topics yet so heartbeats and shutdown reach this socket.
    attached = true;
    void loadSafety(ctx, viewer.accountId).then(async (safety) => {
      safety(reader);
      await installFilters(ctx, reader, viewer.accountId);
      return ctx.hub.attach(reader, null);
    });
  }
}

export const streamingRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v1/streaming/health', async (_req, reply) => reply.type('text/plain').send('OK'));

  const sse = (path: string, stream: string) =>
    app.get(path, async (req, reply) => {
      const param =
        stream === 'list'
          ? parseRequest(listStreamQuery, req.query).list
          : parseRequest(hashtagStreamQuery, req.query).tag;
      const spec = await resolveStream(ctx, req.viewer, stream, param);
      const since = lastEventId(req);
      const safety = await loadSafety(ctx, req.viewer.accountId);
      const admit = admitStream(ctx, req);
      reply.hijack();
      const reader = new SseReader(reply.raw, ctx.config.stream.maxBufferedBytes, sendsEventIds(req, since));
      admit(reader);
      attachSpec(ctx, reader, spec);
      safety(reader);
      await installFilters(ctx, reader, req.viewer.accountId);
      reader.open();
      await ctx.hub.attach(reader, since);
    });
  sse('/api/v1/streaming/user', 'user');
  sse('/api/v1/streaming/user/notification', 'user:notification');
  sse('/api/v1/streaming/public', 'public');
  sse('/api/v1/streaming/public/local', 'public:local');
  sse('/api/v1/streaming/public/remote', 'public:remote');
  sse('/api/v1/streaming/hashtag', 'hashtag');
  sse('/api/v1/streaming/hashtag/local', 'hashtag:local');
  sse('/api/v1/streaming/list', 'list');
  sse('/api/v1/streaming/direct', 'direct');

  // A WebSocket past a cap is refused before the upgrade: the client sees HTTP 429.
  const admitted = new WeakMap<FastifyRequest, (reader: Reader) => void>();
  const preHandler = async (req: FastifyRequest) => {
    if (req.ws) admitted.set(req, admitStream(ctx, req));
  };
  app.get('/api/v1/streaming', { websocket: true, preHandler }, (socket, req) => {
    const q = req.query as Record<string, string | undefined>;
    const opening: WsOpening = {
      viewer: req.viewer,
      stream: q.stream,
      param: q.tag ?? q.list ?? q.session_id,
      since: lastEventId(req),
      curated: q.curated === 'true',
      ack: q.ack === 'true',
    };
    const bind = admitted.get(req);
    letGoOfUpgrade(socket, req);
    serveWebSocket(ctx, socket, opening, bind);
  });

  // Lets a client that starts "from now" know the current position without waiting for an event.
  app.get('/api/v1/streaming/position', async () => ({
    last_event_id: String(await latestEventId(ctx.store.db)),
  }));
};
