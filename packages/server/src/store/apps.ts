import type { Insertable, Kysely } from 'kysely';
import type { AppsTable, Database } from './schema';

export const findAppById = (db: Kysely<Database>, id: number) =>
  db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();

export const findAppByClientId = (db: Kysely<Database>, clientId: string) =>
  db.selectFrom('apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();

export const insertApp = (db: Kysely<Database>, values: Insertable<AppsTable>) =>
  db.insertInto('apps').values(values).returningAll().executeTakeFirstOrThrow();
