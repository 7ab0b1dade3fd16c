import { notFound } from '@hashchat/core/errors';
import { newSecret } from '../../auth/secrets';
import type { Context } from '../../context';
import { personalCalendar } from './calendar';

const feedUrl = (ctx: Context, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

/** The account's private feed URL, made on first use; `reset` replaces the secret (the old URL stops working). */
export async function calendarFeedUrl(ctx: Context, accountId: number, reset: boolean): Promise<string> {
  const db = ctx.store.db;
  const token = newSecret(24);
  const now = ctx.now();
  // Without reset, two first requests at once still agree on one token: the second insert is ignored.
  await db
    .insertInto('calendar_feeds')
    .values({ account_id: accountId, token, created_at: now })
    .onConflict((oc) =>
      reset
        ? oc.column('account_id').doUpdateSet({ token, created_at: now })
        : oc.column('account_id').doNothing(),
    )
    .execute();
  const row = await db
    .selectFrom('calendar_feeds')
    .select('token')
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return feedUrl(ctx, row.token);
}

/** The feed behind a secret URL; 404 for an unknown or rotated token. */
export async function calendarFeed(ctx: Context, token: string): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('calendar_feeds')
    .select('account_id')
    .where('token', '=', token)
    .executeTakeFirst();
  if (!row) throw notFound();
  return personalCalendar(ctx, Number(row.account_id));
}
