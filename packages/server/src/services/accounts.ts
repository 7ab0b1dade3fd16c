import { accountTopic, tagTopic, userTopic } from '@hashchat/api/topics';
import { HashchatError, notFound, unprocessable } from '@hashchat/core/errors';
import { hash, verify } from '@node-rs/argon2';
import type { Context } from '../context';
import {
  type AccountRow,
  findAccountById,
  hasAnyAccount,
  insertAccount,
  isEmailTaken,
  isUsernameTaken,
  markAccountSuspended,
  updateAccountProfile,
} from '../store/accounts';
import { appendEvents, type NewEvent } from '../store/events';
import { deleteFollow, followsAmong, insertFollow } from '../store/follows';
import { deleteTagFollow, insertTagFollow } from '../store/tags';
import { safetyRelationshipFields } from './moderation/safety-relationship';
import { addNotifications } from './notifications';
import { publishEvents } from './publish';

export interface Registration {
  username: string;
  email: string;
  password: string;
  agreement: boolean;
  locale: string;
}

type FieldErrors = Record<string, { error: string; description: string }[]>;

const RESERVED = new Set([
  'admin',
  'root',
  'api',
  'oauth',
  'auth',
  'tags',
  'chats',
  'sessions',
  'settings',
  'about',
  'hashchat',
]);

/** Creates an account, validating like Mastodon (422 with per-field `details`). */
export async function registerAccount(ctx: Context, input: Registration): Promise<AccountRow> {
  const db = ctx.store.db;
  const errors: FieldErrors = {};
  const add = (field: string, error: string, description: string) => {
    errors[field] = [...(errors[field] ?? []), { error, description }];
  };
  const username = input.username.trim();
  if (!username) add('username', 'ERR_BLANK', "can't be blank");
  else if (!/^[a-zA-Z0-9_]+$/.test(username))
    add('username', 'ERR_INVALID', 'must contain only letters, numbers and underscores');
  else if (username.length > 30) add('username', 'ERR_TOO_LONG', 'is too long (maximum is 30 characters)');
  else if (RESERVED.has(username.toLowerCase())) add('username', 'ERR_RESERVED', 'is reserved');
  const email = input.email.trim().toLowerCase();
  if (!email) add('email', 'ERR_BLANK', "can't be blank");
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    add('email', 'ERR_INVALID', 'is invalid');
  if (input.password.length < 8) add('password', 'ERR_TOO_SHORT', 'is too short (minimum is 8 characters)');
  else if (input.password.length > 72)
    add('password', 'ERR_TOO_LONG', 'is too long (maximum is 72 characters)');
  if (!input.agreement) add('agreement', 'ERR_ACCEPTED', 'must be accepted');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.locale))
    add('locale', 'ERR_INCLUSION', 'is not included in the list');
  if (!errors.username && username) {
    if (await isUsernameTaken(db, username.toLowerCase())) add('username', 'ERR_TAKEN', 'is already taken');
  }
  if (!errors.email && email) {
    if (await isEmailTaken(db, email)) add('email', 'ERR_TAKEN', 'is already taken');
  }
  if (Object.keys(errors).length > 0) throw registrationError(errors);
  const password_hash = await hash(input.password);
  const now = ctx.now();
  // The first account of an instance runs it.
  const first = !(await hasAnyAccount(db));
  try {
    return await insertAccount(db, {
      username,
      username_lower: username.toLowerCase(),
      email,
      password_hash,
      display_name: '',
      note: '',
      locale: input.locale,
      role: first ? 'admin' : 'user',
      created_at: now,
      updated_at: now,
      statuses_count: 0,
      followers_count: 0,
      following_count: 0,
      last_status_at: null,
      suspended_at: null,
    });
  } catch (err) {
    if (/UNIQUE|23505/.test(String((err as { code?: string }).code ?? (err as Error).message))) {
      throw registrationError({ username: [{ error: 'ERR_TAKEN', description: 'is already taken' }] });
    }
    throw err;
  }
}

function registrationError(errors: FieldErrors): HashchatError {
  const summary = Object.entries(errors)
    .map(([f, list]) => `${f[0].toUpperCase()}${f.slice(1)} ${list.map((e) => e.description).join(', ')}`)
    .join(', ');
  return unprocessable(`Validation failed: ${summary}`, { details: errors });
}

/** A hash to verify against when no account has the login, so a wrong login takes as long as a wrong password. */
let decoy: Promise<string> | null = null;

/**
 * Checks a password against the account a login (username or email) named, `undefined` when
 * none: the same error whichever is wrong. Sign-in paths call it through `signIn`, which throttles.
 */
export async function checkPassword(account: AccountRow | undefined, password: string): Promise<AccountRow> {
  decoy ??= hash("not anyone's password");
  const ok = await verify(account?.password_hash ?? (await decoy), password).catch(() => false);
  if (!account || !ok) throw new HashchatError('Unauthorized', 'Invalid username/email or password');
  if (account.suspended_at !== null) throw new HashchatError('Forbidden', 'Your account is suspended');
  return account;
}

/**
 * Suspends an account: its tokens stop working and every stream it has open closes, on every
 * instance. (No endpoint calls this yet; moderation tooling will.)
 */
export async function suspendAccount(ctx: Context, accountId: number): Promise<void> {
  await markAccountSuspended(ctx.store.db, accountId, ctx.now());
  await ctx.hub.revoke({ accountId });
}

export async function updateCredentials(
  ctx: Context,
  accountId: number,
  input: { displayName?: string; note?: string },
) {
  const patch: { display_name?: string; note?: string; updated_at: number } = { updated_at: ctx.now() };
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  // Multipart forms send CRLF line breaks; store one kind.
  if (input.note !== undefined) patch.note = input.note.replace(/\r\n?/g, '\n');
  await updateAccountProfile(ctx.store.db, accountId, patch);
  const row = await findAccountById(ctx.store.db, accountId);
  if (!row) throw notFound();
  return row;
}

export async function follow(ctx: Context, viewerId: number, targetId: number): Promise<void> {
  if (viewerId === targetId) throw new HashchatError('Forbidden', 'You cannot follow yourself');
  const target = await findAccountById(ctx.store.db, targetId);
  if (!target || target.suspended_at !== null) throw notFound();
  const now = ctx.now();
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await insertFollow(trx, viewerId, targetId, now))) return [];
    const events = await addNotifications(ctx, trx, [
      { accountId: targetId, fromAccountId: viewerId, type: 'follow', statusId: null },
    ]);
    // Tells the follower's open home streams to add the account's topic.
    events.push(followChange('follow', viewerId, accountTopic(targetId)));
    return appendEvents(trx, ctx.store.dialect, events, now);
  });
  await publishEvents(ctx, stored);
}

export async function unfollow(ctx: Context, viewerId: number, targetId: number): Promise<void> {
  const target = await findAccountById(ctx.store.db, targetId);
  if (!target) throw notFound();
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await deleteFollow(trx, viewerId, targetId))) return [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [followChange('unfollow', viewerId, accountTopic(targetId))],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}

/**
 * The internal event that tells the viewer's open home streams to add (`follow`) or drop
 * (`unfollow`) a topic, so follows made mid-stream take effect without reconnecting.
 */
export function followChange(kind: 'follow' | 'unfollow', viewerId: number, topic: string): NewEvent {
  return {
    event: `hashchat.${kind}`,
    payload: JSON.stringify({ topic }),
    accountId: null,
    topics: [userTopic(viewerId)],
  };
}

/** Follows a hashtag (idempotent); its statuses join the home timeline and open home streams. */
export async function followTag(
  ctx: Context,
  viewerId: number,
  tag: { id: number; name: string },
): Promise<void> {
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await insertTagFollow(trx, viewerId, tag.id, ctx.now()))) return [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [followChange('follow', viewerId, tagTopic(tag.name))],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}

export async function unfollowTag(
  ctx: Context,
  viewerId: number,
  tag: { id: number; name: string },
): Promise<void> {
  const stored = await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await deleteTagFollow(trx, viewerId, tag.id))) return [];
    return appendEvents(
      trx,
      ctx.store.dialect,
      [followChange('unfollow', viewerId, tagTopic(tag.name))],
      ctx.now(),
    );
  });
  await publishEvents(ctx, stored);
}

/** Mastodon's Relationship entities for the viewer against each id. */
export async function relationships(ctx: Context, viewerId: number, ids: number[]) {
  const db = ctx.store.db;
  if (ids.length === 0) return [];
  const { following: f, followedBy: fb } = await followsAmong(db, viewerId, ids);
  const safety = await safetyRelationshipFields(ctx, viewerId, ids);
  return ids.map((id) => ({
    id: String(id),
    following: f.has(id),
    showing_reblogs: f.has(id),
    notifying: false,
    languages: null,
    followed_by: fb.has(id),
    ...safety(id),
    requested: false,
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: '',
  }));
}
