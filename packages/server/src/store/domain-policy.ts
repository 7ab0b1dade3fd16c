import type { Kysely, Selectable } from 'kysely';
import { type Keyset, keysetPage } from './keyset';
import type { Database, DomainAllowsTable, DomainBlockSeverity, DomainBlocksTable } from './schema';

export type DomainBlockRow = Selectable<DomainBlocksTable>;
export type DomainAllowRow = Selectable<DomainAllowsTable>;

export interface DomainBlockFields {
  severity: DomainBlockSeverity;
  reject_media: number;
  reject_reports: number;
  public_comment: string | null;
  private_comment: string | null;
  obfuscate: number;
}

export async function listDomainBlocks(db: Kysely<Database>, page: Keyset): Promise<DomainBlockRow[]> {
  return keysetPage(db.selectFrom('domain_blocks').selectAll(), 'id', page);
}

/** Every block, by domain: the policy's cache and the public list (a few thousand rows at most). */
export async function allDomainBlocks(db: Kysely<Database>): Promise<DomainBlockRow[]> {
  return db.selectFrom('domain_blocks').selectAll().orderBy('domain').execute();
}

export async function findDomainBlock(db: Kysely<Database>, id: number): Promise<DomainBlockRow | undefined> {
  return db.selectFrom('domain_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDomainBlockByDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<DomainBlockRow | undefined> {
  return db.selectFrom('domain_blocks').selectAll().where('domain', '=', domain).executeTakeFirst();
}

/** Inserts a block; undefined when the domain is blocked already (the unique index decides). */
export async function insertDomainBlock(
  db: Kysely<Database>,
  domain: string,
  fields: DomainBlockFields,
  now: number,
): Promise<DomainBlockRow | undefined> {
  return db
    .insertInto('domain_blocks')
    .values({ domain, ...fields, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('domain').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateDomainBlock(
  db: Kysely<Database>,
  id: number,
  fields: Partial<DomainBlockFields>,
  now: number,
): Promise<DomainBlockRow | undefined> {
  return db
    .updateTable('domain_blocks')
    .set({ ...fields, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteDomainBlock(db: Kysely<Database>, id: number): Promise<boolean> {
  const res = await db.deleteFrom('domain_blocks').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function listDomainAllows(db: Kysely<Database>, page: Keyset): Promise<DomainAllowRow[]> {
  return keysetPage(db.selectFrom('domain_allows').selectAll(), 'id', page);
}

export async function allDomainAllows(db: Kysely<Database>): Promise<DomainAllowRow[]> {
  return db.selectFrom('domain_allows').selectAll().orderBy('domain').execute();
}

export async function findDomainAllow(db: Kysely<Database>, id: number): Promise<DomainAllowRow | undefined> {
  return db.selectFrom('domain_allows').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an allow, or returns the one the domain has already (allowing twice changes nothing). */
export async function insertDomainAllow(
  db: Kysely<Database>,
  domain: string,
  now: number,
): Promise<DomainAllowRow> {
  const row = await db
    .insertInto('domain_allows')
    .values({ domain, created_at: now })
    .onConflict((oc) => oc.column('domain').doNothing())
    .returningAll()
    .executeTakeFirst();
  return (
    row ??
    (await db.selectFrom('domain_allows').selectAll().where('domain', '=', domain).executeTakeFirstOrThrow())
  );
}

export async function deleteDomainAllow(db: Kysely<Database>, id: number): Promise<boolean> {
  const res = await db.deleteFrom('domain_allows').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
