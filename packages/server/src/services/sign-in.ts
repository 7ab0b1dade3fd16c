import { HashchatError } from '@hashchat/core/errors';
import type { Context } from '../context';
import { type AccountRow, findAccountByLogin } from '../store/accounts';
import { checkPassword } from './registration';

/**
 * How password guessing is slowed. Failures are counted per account and address pair and,
 * beyond `pairFailures`, every attempt of that pair is refused, the right password too (a
 * guesser's own address is stopped and learns nothing); successes never count, so signing in
 * to many apps is never throttled. Failures are also counted
 * per address (a guesser spraying many accounts) and per account, where each failure beyond
 * `freeFailures` delays every further attempt, from any address, a little more, so a guesser
 * on many addresses is slowed while the owner, from an address of their own, still gets in.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  pairFailures: 10,
  addressFailures: 100,
  freeFailures: 5,
  delayStepMs: 250,
  maxDelayMs: 5000,
};

/** Checks a login and password, throttled per account and address: every sign-in path goes through here. */
export async function signIn(
  ctx: Context,
  address: string,
  login: string,
  password: string,
): Promise<AccountRow> {
  const limits = SIGN_IN_LIMITS;
  const rl = ctx.rateLimiter;
  const window = limits.windowSeconds;
  // The account, not the spelling: `Alice`, `alice` and her email are one target.
  const found = await findAccountByLogin(ctx.store.db, login.trim());
  const target = found ? `id:${found.id}` : `login:${login.trim().toLowerCase().slice(0, 320)}`;
  const pairKey = `signin:fail-pair:${target}:${address}`;
  if ((await rl.peek(pairKey, window)) >= limits.pairFailures) throw tooMany(window * 1000);
  const fromAddress = await rl.peek(`signin:fail-address:${address}`, window);
  if (fromAddress >= limits.addressFailures) throw tooMany(window * 1000);
  const failures = await rl.peek(`signin:fail:${target}`, window);
  const delay = Math.min((failures - limits.freeFailures) * limits.delayStepMs, limits.maxDelayMs);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  try {
    return await checkPassword(found, password);
  } catch (err) {
    if (err instanceof HashchatError && err.code === 'Unauthorized') {
      await Promise.all([
        rl.hit(pairKey, window),
        rl.hit(`signin:fail:${target}`, window),
        rl.hit(`signin:fail-address:${address}`, window),
      ]);
    }
    throw err;
  }
}

function tooMany(ms: number): HashchatError {
  return new HashchatError('RateLimited', 'Too many sign-in attempts; try again later', {
    retry_after: Math.max(1, Math.ceil(ms / 1000)),
  });
}
