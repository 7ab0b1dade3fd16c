import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** What a status's stream topics are made of besides its row: its tag names and mentioned account ids. */
export async function statusTopicParts(
  db: Kysely<Database>,
  statusId: number,
): Promise<{ tagNames: string[]; mentionIds: number[] }> {
  const [tags, mentions] = await Promise.all([
    db
      .selectFrom('status_tags as st')
      .innerJoin('tags as t', 't.id', 'st.tag_id')
      .select('t.name')
      .where('st.status_id', '=', statusId)
      .execute(),
    db.selectFrom('mentions').select('account_id').where('status_id', '=', statusId).execute(),
  ]);
  return { tagNames: tags.map((t) => t.name), mentionIds: mentions.map((m) => Number(m.account_id)) };
}
