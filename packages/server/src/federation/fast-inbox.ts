import { createHash, createPublicKey, type KeyObject, timingSafeEqual, verify } from 'node:crypto';
import type { Context as FedContext, Federation, KvKey, KvStore } from '@fedify/fedify';
import type { Context } from '../context';
import type { RemoteNote } from '../services/federation/remote-statuses';
import type { AccountRow } from '../store/accounts';
import { findAccountByUri } from '../store/remote-accounts';
import type { DomainPolicy } from './domain-policy';
import { takeCreatedNote } from './inbox';
import { duration } from './notes';
import { ACTOR_TTL_MS } from './remote-actor';
import { mentionedAccountId, noteVisibility, replyTargetId } from './remote-note';

/** An inbox POST as the route has it: the raw body, the headers as Node gives them. */
export interface InboxPost {
  method: string;
  /** The path and query as requested (what `(request-target)` signs, without the query). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Why the fast path left a POST to Fedify (the metric's label). */
export type FastInboxMiss = 'shape' | 'signature' | 'key' | 'date' | 'digest' | 'actor';

const AS = 'https://www.w3.org/ns/activitystreams';

/**
 * The term definitions a Mastodon-shaped `@context` may carry after the ActivityStreams one,
 * each exactly as Mastodon (and the AS context) defines it. A context with any other term, or
 * a known term defined otherwise, goes to Fedify, whose JSON-LD expansion reads it as it is.
 */
const KNOWN_TERMS: Record<string, string> = {
  ostatus: 'http://ostatus.org#',
  atomUri: 'ostatus:atomUri',
  inReplyToAtomUri: 'ostatus:inReplyToAtomUri',
  conversation: 'ostatus:conversation',
  sensitive: 'as:sensitive',
  toot: 'http://joinmastodon.org/ns#',
  votersCount: 'toot:votersCount',
  blurhash: 'toot:blurhash',
  Hashtag: 'as:Hashtag',
};

/** The keys a fast-path Create may have; anything else (a `signature`, `@id`, …) goes to Fedify. */
const CREATE_KEYS = new Set(['@context', 'id', 'type', 'actor', 'published', 'to', 'cc', 'object']);
/** The keys its Note may have. `replies`, `atomUri`, `conversation`, `contentMap` are not read. */
const NOTE_KEYS = new Set([
  'id',
  'type',
  'summary',
  'inReplyTo',
  'published',
  'url',
  'attributedTo',
  'to',
  'cc',
  'sensitive',
  'atomUri',
  'inReplyToAtomUri',
  'conversation',
  'content',
  'contentMap',
  'attachment',
  'tag',
  'replies',
]);

/** How far a signature's `Date` may be from now: Fedify's default window (one hour). */
const DATE_WINDOW_MS = 60 * 60 * 1000;
/** Parsed public keys kept, by PEM. */
const MAX_KEYS = 10_000;

/**
 * The inbox's fast path for the activity it takes most: a Mastodon-shaped `Create(Note)`
 * (a reply to a question, an answer with the chat's hashtag), checked without Fedify's JSON-LD
 * expansion, its key-value reads or its queue. It makes the checks Fedify makes, on the raw
 * request: a draft-cavage HTTP signature (rsa-sha256) over `(request-target)`, `host`, `date`
 * and `digest`; the `Digest` (SHA-256) of the body as received; a `Date` within an hour of now;
 * the key being the one the actor's document gave (read and kept with the account less than a
 * day ago, as `accountOfActor` trusts it), whose owner is the activity's actor and the note's
 * `attributedTo`; the note's id on the activity's origin (Fedify trusts an embedded object only
 * then). Then it calls the same handler Fedify's listener calls (`takeCreatedNote`).
 *
 * Anything it is not sure of returns null and the request goes to Fedify unchanged: another
 * context, another shape, an unknown or stale actor, a key that does not verify (it may have been
 * rotated: Fedify fetches the new one), a bad digest or date (Fedify refuses them). It never
 * refuses on its own, so it can only take fewer activities than Fedify, never more.
 */
export class FastInbox {
  readonly #keys = new Map<string, KeyObject>();
  #fctx: FedContext<void> | null = null;

  constructor(
    private readonly ctx: Context,
    private readonly fed: Federation<void>,
    private readonly policy: DomainPolicy,
    private readonly kv: KvStore,
  ) {}

  /** The response once handled, or null for Fedify to handle the POST. */
  async handle(post: InboxPost): Promise<Response | null> {
    const taken = await this.#take(post);
    if (typeof taken === 'string') {
      this.ctx.metrics.inboxFastPath.inc({ outcome: taken });
      return null;
    }
    this.ctx.metrics.inboxFastPath.inc({ outcome: 'taken' });
    // Fedify's own idempotency record (its key, per inbox, for a day): an activity taken once,
    // on either path, is not taken again. Without it a signed Create replayed within its Date's
    // hour would bring back a note its author has deleted since.
    const done: KvKey = [
      '_fedify',
      'activityIdempotence',
      `${new URL(this.ctx.config.publicUrl).origin}\n${taken.activityId}\nsharedInbox`,
    ];
    if ((await this.kv.get(done)) === true)
      return new Response(`Activity <${taken.activityId}> has already been processed.`, {
        status: 202,
        headers: TEXT,
      });
    try {
      await takeCreatedNote(this.ctx, this.policy, taken.from, taken.note);
    } catch (err) {
      // As Fedify answers a listener's failure: the sender retries.
      this.ctx.log.warn({ err }, 'federation: an inbound activity failed');
      return new Response('Internal server error.', { status: 500, headers: TEXT });
    }
    await this.kv.set(done, true, { ttl: duration({ days: 1 }) });
    return new Response('', { status: 202, headers: TEXT });
  }

  async #take(
    post: InboxPost,
  ): Promise<{ activityId: string; from: AccountRow; note: RemoteNote } | FastInboxMiss> {
    if (post.method !== 'POST') return 'shape';
    const header = (name: string) => {
      const v = post.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    // The signature's parameters, as Fedify reads them.
    const sigHeader = header('signature');
    if (!sigHeader || header('signature-input') !== undefined) return 'signature';
    const sig: Record<string, string> = {};
    for (const pair of sigHeader.split(',')) {
      const m = /^\s*([A-Za-z]+)="([^"]*)"\s*$/.exec(pair);
      if (!m) return 'signature';
      sig[m[1]] = m[2];
    }
    const { keyId, headers, signature, algorithm } = sig;
    if (!keyId || !headers || !signature) return 'signature';
    if ('created' in sig || 'expires' in sig) return 'signature';
    if (algorithm !== undefined && algorithm !== 'rsa-sha256' && algorithm !== 'hs2019') return 'signature';
    const signed = headers.split(/\s+/);
    for (const required of ['(request-target)', 'host', 'date', 'digest'])
      if (!signed.includes(required)) return 'signature';

    const date = header('date');
    const at = date ? Date.parse(date) : Number.NaN;
    if (!Number.isFinite(at) || Math.abs(Date.now() - at) > DATE_WINDOW_MS) return 'date';

    // The body's digest, one SHA-256 as Mastodon sends it.
    const digest = /^sha-256=([A-Za-z0-9+/]+={0,2})$/i.exec(header('digest')?.trim() ?? '');
    if (!digest) return 'digest';
    const sent = Buffer.from(digest[1], 'base64');
    const actual = createHash('sha256').update(post.body).digest();
    if (sent.length !== actual.length || !timingSafeEqual(sent, actual)) return 'digest';

    let json: Record<string, unknown>;
    try {
      json = JSON.parse(post.body.toString('utf8'));
    } catch {
      return 'shape';
    }
    const create = mastodonCreate(json);
    if (!create) return 'shape';
    const { actor, object } = create;
    if (keyOwner(keyId) !== actor) return 'actor';

    const from = await findAccountByUri(this.ctx.store.db, actor);
    if (
      !from ||
      from.domain === null ||
      from.fetched_at === null ||
      this.ctx.now() - Number(from.fetched_at) >= ACTOR_TTL_MS ||
      !from.public_key
    )
      return 'key';
    const stored = parseStoredKey(from.public_key);
    if (!stored || stored.id !== keyId) return 'key';
    const key = this.#key(stored.pem);
    if (!key) return 'key';

    // The signed string, rebuilt as Fedify rebuilds it (the path without the query).
    const pathname = new URL(post.url, 'http://x').pathname;
    const lines: string[] = [];
    for (const name of signed) {
      if (name === '(request-target)')
        lines.push(`(request-target): ${post.method.toLowerCase()} ${pathname}`);
      else {
        const v = header(name);
        if (v === undefined) return 'signature';
        lines.push(`${name}: ${v}`);
      }
    }
    let ok = false;
    try {
      ok = verify('sha256', Buffer.from(lines.join('\n')), key, Buffer.from(signature, 'base64'));
    } catch {
      ok = false;
    }
    if (!ok) return 'signature';

    // Verified: the activity's own rules.
    if ((await this.policy.verdict(new URL(actor).host)) === 'suspend') return 'actor';
    const note = await this.#readNote(object, from);
    if (!note) return 'shape';
    return { activityId: create.id, from, note };
  }

  /** The RSA public key of a PEM, parsed once; null for anything but RSA. */
  #key(pem: string): KeyObject | null {
    let key = this.#keys.get(pem);
    if (!key) {
      try {
        key = createPublicKey(pem);
      } catch {
        return null;
      }
      if (key.asymmetricKeyType !== 'rsa') return null;
      if (this.#keys.size >= MAX_KEYS) this.#keys.clear();
      this.#keys.set(pem, key);
    }
    return key;
  }

  get #fedContext(): FedContext<void> {
    this.#fctx ??= this.fed.createContext(new URL(this.ctx.config.publicUrl), undefined);
    return this.#fctx;
  }

  /** The note as `readNote` reads it (remote-note.ts), from its JSON; null when a part is not plain. */
  async #readNote(o: MastodonNote, author: AccountRow): Promise<RemoteNote | null> {
    const fctx = this.#fedContext;
    const tags: string[] = [];
    const mentionIds: number[] = [];
    for (const t of o.tags) {
      if (t.type === 'Hashtag') tags.push(t.name);
      else {
        const id = await mentionedAccountId(this.ctx, fctx, new URL(t.href));
        if (id !== null) mentionIds.push(id);
      }
    }
    const inReplyToId = await replyTargetId(this.ctx, fctx, o.inReplyTo ? new URL(o.inReplyTo) : null);
    return {
      uri: o.id,
      url: o.url,
      html: o.content,
      spoilerText: o.summary,
      sensitive: o.sensitive,
      visibility: noteVisibility(o.to, o.cc, author),
      language: null,
      inReplyToId,
      tags,
      mentionIds,
      publishedAt: o.published,
      attachments: [],
    };
  }
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/** A Note of the shape the fast path takes, its values checked and normalized. */
interface MastodonNote {
  id: string;
  url: string | null;
  content: string;
  summary: string;
  sensitive: boolean;
  to: string[];
  cc: string[];
  inReplyTo: string | null;
  published: number | null;
  tags: ({ type: 'Hashtag'; name: string } | { type: 'Mention'; href: string })[];
}

/**
 * The actor and note of a Mastodon-shaped `Create(Note)`, or null when anything in it is not
 * plainly so: a context beyond the known one, a key not listed, an IRI that is not an absolute
 * http(s) URL, a value of another type, an attachment (read by Fedify's path, blurhash and all).
 */
export function mastodonCreate(
  json: Record<string, unknown>,
): { id: string; actor: string; object: MastodonNote } | null {
  if (!knownContext(json['@context'])) return null;
  for (const k of Object.keys(json)) if (!CREATE_KEYS.has(k)) return null;
  if (json.type !== 'Create') return null;
  const id = iri(json.id);
  const actor = iri(json.actor);
  const o = json.object;
  if (!id || !actor || typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const note = o as Record<string, unknown>;
  for (const k of Object.keys(note)) if (!NOTE_KEYS.has(k)) return null;
  if (note.type !== 'Note') return null;
  const noteId = iri(note.id);
  // The note is the actor's, on the activity's own server (Fedify trusts an embedded object
  // only from the activity's origin; the listener takes only the actor's own notes).
  if (!noteId || iri(note.attributedTo) !== actor) return null;
  const origin = new URL(id).origin;
  if (new URL(noteId).origin !== origin || new URL(actor).origin !== origin) return null;
  if (typeof note.content !== 'string') return null;
  if (note.summary !== undefined && note.summary !== null && typeof note.summary !== 'string') return null;
  if (note.sensitive !== undefined && typeof note.sensitive !== 'boolean') return null;
  if (note.attachment !== undefined && !(Array.isArray(note.attachment) && note.attachment.length === 0))
    return null;
  const to = iris(note.to);
  const cc = iris(note.cc);
  if (!to || !cc) return null;
  let inReplyTo: string | null = null;
  if (note.inReplyTo !== undefined && note.inReplyTo !== null) {
    inReplyTo = iri(note.inReplyTo);
    if (!inReplyTo) return null;
  }
  let url: string | null = null;
  if (note.url !== undefined && note.url !== null) {
    url = iri(note.url);
    if (!url) return null;
  }
  let published: number | null = null;
  if (note.published !== undefined) {
    published = typeof note.published === 'string' ? Date.parse(note.published) : Number.NaN;
    if (!Number.isFinite(published)) return null;
  }
  const tags: MastodonNote['tags'] = [];
  const list = note.tag === undefined ? [] : Array.isArray(note.tag) ? note.tag : [note.tag];
  for (const t of list) {
    if (typeof t !== 'object' || t === null) return null;
    const tag = t as Record<string, unknown>;
    for (const k of Object.keys(tag)) if (k !== 'type' && k !== 'href' && k !== 'name') return null;
    if (tag.href !== undefined && !iri(tag.href)) return null;
    if (tag.name !== undefined && typeof tag.name !== 'string') return null;
    if (tag.type === 'Hashtag' && typeof tag.name === 'string')
      tags.push({ type: 'Hashtag', name: tag.name });
    else if (tag.type === 'Mention' && typeof tag.href === 'string')
      tags.push({ type: 'Mention', href: iri(tag.href) as string });
    else return null;
  }
  return {
    id,
    actor,
    object: {
      id: noteId,
      url,
      content: note.content,
      summary: typeof note.summary === 'string' ? note.summary : '',
      sensitive: note.sensitive === true,
      to,
      cc,
      inReplyTo,
      published,
      tags,
    },
  };
}

function knownContext(c: unknown): boolean {
  if (c === AS) return true;
  if (!Array.isArray(c) || c[0] !== AS || c.length > 2) return false;
  if (c.length === 1) return true;
  const terms = c[1];
  if (typeof terms !== 'object' || terms === null || Array.isArray(terms)) return false;
  for (const [k, v] of Object.entries(terms))
    if (!Object.hasOwn(KNOWN_TERMS, k) || KNOWN_TERMS[k] !== v) return false;
  return true;
}

/** An absolute http(s) IRI, normalized as a URL's href (as Fedify compares them); null otherwise. */
function iri(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // Only IRIs already in their normal form: the string is what JSON-LD and Fedify would keep.
  return u.href === v ? v : null;
}

function iris(v: unknown): string[] | null {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const u = iri(x);
    if (!u) return null;
    out.push(u);
  }
  return out;
}

/** The actor a draft-cavage keyId names: the URL without its fragment (`…/users/a#main-key`). */
function keyOwner(keyId: string): string | null {
  const u = iri(keyId.split('#')[0]);
  return u;
}

function parseStoredKey(text: string): { id: string; pem: string } | null {
  try {
    const k = JSON.parse(text) as { id?: unknown; pem?: unknown };
    return typeof k.id === 'string' && typeof k.pem === 'string' ? { id: k.id, pem: k.pem } : null;
  } catch {
    return null;
  }
}
