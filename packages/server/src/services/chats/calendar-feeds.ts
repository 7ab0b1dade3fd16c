import { notFound } from '@hashchat/core/errors';
import { newSecret } from '../../auth/secrets';
import type { Context } from '../../context';
import { claimFeedToken, feedOwner } from '../../store/calendar-feeds';
import { personalCalendar } from './calendar';

const feedUrl = (ctx: Context, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

/** The account's private feed URL, made on first use; `reset` replaces the secret (the old URL stops working). */
export async function calendarFeedUrl(ctx: Context, accountId: number, reset: boolean): Promise<string> {
  const db = ctx.store.db;
  const token = newSecret(24);
  const now = ctx.now();
  // Without reset, two first requests at once still agree on one token: the second insert is ignored.
  return feedUrl(ctx, await claimFeedToken(db, accountId, token, reset, now));
}

/** The feed behind a secret URL; 404 for an unknown or rotated token. */
export async function calendarFeed(ctx: Context, token: string): Promise<string> {
  const accountId = await feedOwner(ctx.store.db, token);
  if (accountId === null) throw notFound();
  return personalCalendar(ctx, accountId);
}
