import { validationFailed } from '@hashchat/api/requests/validation';
import { HashchatError } from '@hashchat/core/errors';
import { hash, verify } from '@node-rs/argon2';
import type { Context } from '../context';
import {
  type AccountRow,
  hasAnyAccount,
  insertAccount,
  isEmailTaken,
  isUsernameTaken,
} from '../store/accounts';

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
  return validationFailed(`${summary}`, { details: errors });
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
