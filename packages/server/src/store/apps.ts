import type { Kysely } from 'kysely';
import type { Database } from './schema';

export const findAppById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
