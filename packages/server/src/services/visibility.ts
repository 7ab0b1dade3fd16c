import { accountTopic, PUBLIC_LOCAL_TOPIC, PUBLIC_TOPIC, tagTopic, userTopic } from '@hashchat/api/topics';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { StatusRow } from '../store/statuses';

/** Whether `viewerId` may see a status (Mastodon's visibility rules). */
export async function canSeeStatus(
  db: Kysely<Database>,
  s: StatusRow,
  viewerId: number | null,
): Promise<boolean> {
  if (s.visibility === 'public' || s.visibility === 'unlisted') return true;
  if (viewerId === null) return false;
  if (Number(s.account_id) === viewerId) return true;
  const mentioned = await db
    .selectFrom('mentions')
    .select('account_id')
    .where('status_id', '=', s.id)
    .where('account_id', '=', viewerId)
    .executeTakeFirst();
  if (mentioned) return true;
  if (s.visibility === 'direct') return false;
  const follows = await db
    .selectFrom('follows')
    .select('account_id')
    .where('account_id', '=', viewerId)
    .where('target_account_id', '=', s.account_id)
    .executeTakeFirst();
  return Boolean(follows);
}

/** The bus topics a status's events go to, by visibility. */
export function statusTopics(
  s: { account_id: number; visibility: string; reblog_of_id: number | null },
  tags: string[],
  mentioned: number[],
): string[] {
  const author = Number(s.account_id);
  if (s.visibility === 'direct') return [userTopic(author), ...mentioned.map(userTopic)];
  const topics = [accountTopic(author)];
  if (s.visibility === 'public' && s.reblog_of_id === null) {
    topics.push(PUBLIC_TOPIC, PUBLIC_LOCAL_TOPIC, ...tags.map(tagTopic));
  }
  return topics;
}
