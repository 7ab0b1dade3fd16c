import fs from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { openPostgres } from '../store/dialects/postgres';
import { openStore, type Store } from '../store/open-store';
import type { Database } from '../store/schema';

export interface CopyOptions {
  /** The SQLite file to read (brought up to date by the usual migrations first). */
  from: string;
  /** postgres:// URL of the target database. */
  to: string;
  /** Replace whatever the target holds; without it a non-empty target is refused. */
  force?: boolean;
  /** Rows per INSERT (capped so one statement stays under PostgreSQL's 65,535 parameters). */
  batchSize?: number;
  /** Rows per table compared field by field after the copy. */
  sampleSize?: number;
  log?: (line: string) => void;
}

export interface TableReport {
  table: string;
  source: number;
  target: number;
  sampled: number;
  mismatches: string[];
}

export interface CopyReport {
  tables: TableReport[];
  ok: boolean;
  ms: number;
}

interface TargetTable {
  name: string;
  /** Columns to copy: every column but generated ones (statuses.search fills itself). */
  columns: string[];
  booleans: Set<string>;
  primaryKey: string[];
  /** Whether `id` is fed by a sequence that must be moved past the copied ids. */
  sequence: string | null;
}

const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
const MAX_PARAMS = 60_000;

/**
 * Copies every table of an embedded SQLite store into PostgreSQL, keeping ids: migrations on the
 * target, tables in foreign-key order in batches, sequences reset past the copied ids, then row
 * counts and a random sample compared field by field.
 */
export async function copyToPostgres(opts: CopyOptions): Promise<CopyReport> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const batchSize = opts.batchSize ?? 1000;
  const sampleSize = opts.sampleSize ?? 100;
  if (!fs.existsSync(opts.from)) throw new Error(`No SQLite file at ${opts.from}`);
  if (!/^postgres(ql)?:\/\//.test(opts.to)) throw new Error('--to must be a postgres:// URL');

  let source: Store | null = null;
  let target: Store | null = null;
  try {
    target = await openTarget(opts.to, Boolean(opts.force), log);
    source = await openStore({ kind: 'sqlite', file: opts.from });
    const tables = await describeTarget(target.db);
    const order = dependencyOrder(tables, await foreignKeys(target.db));

    // The target's migrations seed some rows (e.g. chat categories); the source has its own copy.
    await sql`TRUNCATE ${sql.join(order.map((t) => sql.id(t.name)))} RESTART IDENTITY CASCADE`.execute(
      target.db,
    );

    const reports: TableReport[] = [];
    for (const t of order) {
      const copied = await copyTable(source.db, target.db, t, batchSize, log);
      if (t.sequence) {
        await sql`SELECT setval(${t.sequence}::regclass, COALESCE((SELECT max(id) FROM ${sql.id(t.name)}), 0) + 1, false)`.execute(
          target.db,
        );
      }
      reports.push({ table: t.name, source: copied, target: 0, sampled: 0, mismatches: [] });
    }
    log('verifying…');
    for (const [i, t] of order.entries()) await verifyTable(source.db, target.db, t, sampleSize, reports[i]);
    const ok = reports.every((r) => r.source === r.target && r.mismatches.length === 0);
    return { tables: reports, ok, ms: Date.now() - started };
  } finally {
    await source?.close();
    await target?.close();
  }
}

/** Refuses a target that holds anything (unless forced), then brings its schema up to date. */
async function openTarget(url: string, force: boolean, log: (l: string) => void): Promise<Store> {
  const probe = openPostgres(url, 1).db;
  try {
    const busy = await nonEmptyTables(probe);
    if (busy.length > 0 && !force) {
      throw new Error(
        `The target database is not empty (${busy.join(', ')}). Use --force to replace its contents.`,
      );
    }
    if (busy.length > 0) log(`--force: replacing the contents of ${busy.length} table(s)`);
  } finally {
    await probe.destroy();
  }
  log('migrating the target…');
  return openStore({ kind: 'postgres', url, poolSize: 4 });
}

async function nonEmptyTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const busy: string[] = [];
  for (const { name } of rows) {
    const r = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.id(name)} LIMIT 1`.execute(db);
    if (r.rows.length > 0) busy.push(name);
  }
  return busy;
}

async function describeTarget(db: Kysely<Database>): Promise<TargetTable[]> {
  const cols = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_generated: string;
    column_default: string | null;
  }>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.column_default
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema()
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    SELECT tc.table_name, kcu.column_name
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY tc.table_name, kcu.ordinal_position`.execute(db);
  const byName = new Map<string, TargetTable>();
  for (const c of cols.rows) {
    if (MIGRATION_TABLES.has(c.table_name)) continue;
    let t = byName.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], booleans: new Set(), primaryKey: [], sequence: null };
      byName.set(c.table_name, t);
    }
    if (c.is_generated === 'ALWAYS') continue;
    t.columns.push(c.column_name);
    if (c.data_type === 'boolean') t.booleans.add(c.column_name);
    if (c.column_name === 'id' && c.column_default?.startsWith('nextval(')) {
      t.sequence = /nextval\('([^']+)'/.exec(c.column_default)?.[1] ?? null;
    }
  }
  for (const pk of pks.rows) byName.get(pk.table_name)?.primaryKey.push(pk.column_name);
  return [...byName.values()];
}

async function foreignKeys(db: Kysely<Database>): Promise<{ child: string; parent: string }[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    SELECT cl.relname AS child, pa.relname AS parent
    FROM pg_constraint k
    JOIN pg_class cl ON cl.oid = k.conrelid
    JOIN pg_class pa ON pa.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`.execute(db);
  return rows;
}

/** Parents before children (a self-reference is no constraint on order). */
export function dependencyOrder<T extends { name: string }>(
  tables: T[],
  fks: { child: string; parent: string }[],
): T[] {
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of fks)
    if (fk.child !== fk.parent && names.has(fk.child) && names.has(fk.parent))
      parents.get(fk.child)!.add(fk.parent);
  const out: T[] = [];
  const done = new Set<string>();
  const sorted = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (out.length < sorted.length) {
    const next = sorted.find((t) => !done.has(t.name) && [...parents.get(t.name)!].every((p) => done.has(p)));
    if (!next)
      throw new Error(
        `Foreign keys form a cycle among: ${sorted
          .filter((t) => !done.has(t.name))
          .map((t) => t.name)
          .join(', ')}`,
      );
    done.add(next.name);
    out.push(next);
  }
  return out;
}

/** Copies one table in rowid order (keyset, so each batch is an index range), keeping every value. */
async function copyTable(
  src: Kysely<Database>,
  dst: Kysely<Database>,
  t: TargetTable,
  batchSize: number,
  log: (l: string) => void,
): Promise<number> {
  const total = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t.name)}`.execute(src)).rows[0].n,
  );
  const perBatch = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMS / Math.max(1, t.columns.length))));
  const cols = sql.join(t.columns.map((c) => sql.id(c)));
  let after = Number.MIN_SAFE_INTEGER;
  let copied = 0;
  let lastLogged = 0;
  log(`copying ${t.name} (${total} rows)`);
  for (;;) {
    const { rows } = await sql<
      Record<string, unknown>
    >`SELECT rowid AS "__rowid", ${cols} FROM ${sql.id(t.name)}
      WHERE rowid > ${after} ORDER BY rowid LIMIT ${perBatch}`.execute(src);
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1].__rowid);
    const values = rows.map(
      (r) => sql`(${sql.join(t.columns.map((c) => toTarget(r[c], t.booleans.has(c))))})`,
    );
    await sql`INSERT INTO ${sql.id(t.name)} (${cols}) VALUES ${sql.join(values)}`.execute(dst);
    copied += rows.length;
    if (copied - lastLogged >= 10_000) {
      lastLogged = copied;
      log(`  ${t.name}: ${copied}/${total}`);
    }
  }
  return copied;
}

function toTarget(v: unknown, boolean: boolean): unknown {
  if (v === null || v === undefined) return null;
  if (boolean) return Boolean(Number(v));
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/** Row counts, then up to `n` random source rows looked up by primary key and compared field by field. */
async function verifyTable(
  src: Kysely<Database>,
  dst: Kysely<Database>,
  t: TargetTable,
  n: number,
  report: TableReport,
): Promise<void> {
  report.target = Number(
    (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t.name)}`.execute(dst)).rows[0].n,
  );
  const key = t.primaryKey.length > 0 ? t.primaryKey : t.columns;
  const cols = sql.join(t.columns.map((c) => sql.id(c)));
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT ${cols} FROM ${sql.id(t.name)} ORDER BY random() LIMIT ${n}`.execute(src);
  for (const row of rows) {
    const where = sql.join(
      key.map((k) =>
        row[k] === null
          ? sql`${sql.id(k)} IS NULL`
          : sql`${sql.id(k)} = ${toTarget(row[k], t.booleans.has(k))}`,
      ),
      sql` AND `,
    );
    const found = (
      await sql<
        Record<string, unknown>
      >`SELECT ${cols} FROM ${sql.id(t.name)} WHERE ${where} LIMIT 1`.execute(dst)
    ).rows[0];
    report.sampled++;
    const label = key.map((k) => `${k}=${String(row[k])}`).join(',');
    if (!found) {
      report.mismatches.push(`${t.name}(${label}): missing`);
      continue;
    }
    for (const c of t.columns) {
      if (!same(row[c], found[c], t.booleans.has(c))) {
        report.mismatches.push(
          `${t.name}(${label}).${c}: ${JSON.stringify(row[c])} ≠ ${JSON.stringify(found[c])}`,
        );
      }
    }
  }
}

function same(a: unknown, b: unknown, boolean: boolean): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (boolean) return Boolean(Number(a)) === Boolean(b);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'number' || typeof a === 'bigint' || typeof b === 'number' || typeof b === 'bigint')
    return String(a) === String(b);
  if (b instanceof Date) return Number(a) === b.getTime();
  return a === b;
}
