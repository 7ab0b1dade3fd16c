import type { Kysely, Selectable } from 'kysely';
import type { Database, StatusEditsTable } from './schema';
import type { StatusRow } from './statuses';

export type StatusEditRow = Selectable<StatusEditsTable>;

export type NewStatusEdit = Omit<StatusEditRow, 'id'>;

/** A status's versions, oldest first (empty: never edited). */
export function listStatusEdits(db: Kysely<Database>, statusId: number): Promise<StatusEditRow[]> {
  return db.selectFrom('status_edits').selectAll().where('status_id', '=', statusId).orderBy('id').execute();
}

export async function insertStatusEdits(db: Kysely<Database>, rows: NewStatusEdit[]): Promise<void> {
  await db.insertInto('status_edits').values(rows).execute();
}

/** Writes a status's edited fields and when it was edited. */
export async function updateEditedStatus(
  db: Kysely<Database>,
  id: number,
  s: {
    text: string;
    content: string;
    spoiler_text: string;
    sensitive: number;
    language: string | null;
    edited_at: number;
  },
): Promise<StatusRow | undefined> {
  return db.updateTable('statuses').set(s).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Unlinks a status's hashtags and mentions, to link those of its new text. */
export async function unlinkTagsAndMentions(db: Kysely<Database>, statusId: number): Promise<void> {
  await db.deleteFrom('status_tags').where('status_id', '=', statusId).execute();
  await db.deleteFrom('mentions').where('status_id', '=', statusId).execute();
}

/** Removes a status's poll with its options and votes. */
export async function deletePollOfStatus(db: Kysely<Database>, statusId: number): Promise<void> {
  await db.deleteFrom('polls').where('status_id', '=', statusId).execute();
}
