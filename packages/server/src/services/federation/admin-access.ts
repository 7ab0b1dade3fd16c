import { forbidden } from '@hashchat/core/errors';
import type { Kysely } from 'kysely';
import { findAccountById } from '../../store/accounts';
import type { Database } from '../../store/schema';

/** Federation is the admins' to manage (Mastodon's "Manage Federation"); moderators cannot. */
export async function requireAdmin(db: Kysely<Database>, accountId: number): Promise<void> {
  if ((await findAccountById(db, accountId))?.role !== 'admin') throw forbidden();
}
