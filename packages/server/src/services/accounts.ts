import { notFound } from '@hashchat/core/errors';
import type { Context } from '../context';
import { findAccountById, markAccountSuspended, updateAccountProfile } from '../store/accounts';

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
