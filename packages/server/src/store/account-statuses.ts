import type { Kysely } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database, Visibility } from './schema';

export interface AccountStatusFilter {
  visibilities: Visibility[];
  excludeReplies: boolean;
  excludeReblogs: boolean;
  /** Normalized hashtag name every status must carry. */
  tag?: string;
}

/** One keyset page of the status ids an account posted, newest first. */
export async function accountStatusIds(
  db: Kysely<Database>,
  accountId: number,
  f: AccountStatusFilter,
  k: Keyset,
): Promise<number[]> {
  let q = db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', accountId)
    .where('visibility', 'in', f.visibilities);
  if (f.excludeReplies) q = q.where('in_reply_to_id', 'is', null);
  if (f.excludeReblogs) q = q.where('reblog_of_id', 'is', null);
  const tag = f.tag;
  if (tag !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('status_tags as st')
          .innerJoin('tags as t', 't.id', 'st.tag_id')
          .select('st.status_id')
          .whereRef('st.status_id', '=', 'statuses.id')
          .where('t.name', '=', tag),
      ),
    );
  }
  const rows = await keysetPage(q, 'id', k);
  return rows.map((r) => Number(r.id));
}
