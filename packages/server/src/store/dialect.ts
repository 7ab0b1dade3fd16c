import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * The few places where SQLite and PostgreSQL differ, one implementation per dialect
 * (dialects/sqlite.ts, dialects/postgres.ts). Everything else is plain Kysely.
 */
/** Counts the statements a store runs (every query, reads and writes alike). */
export interface QueryCounter {
  statements: number;
}

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Adds an auto-incrementing integer primary key named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type for epoch-millisecond times and other large integers. */
  readonly bigint: 'bigint';
  /** Sets up full-text search over statuses.text (a migration step). */
  createStatusSearch(db: Kysely<unknown>): Promise<void>;
  /** Ids of statuses matching a full-text query, newest first, below `maxId` when given. */
  searchStatusIds(
    db: Kysely<Database>,
    query: string,
    limit: number,
    maxId: number | null,
  ): Promise<number[]>;
  /**
   * Serializes event-id allocation with commit order, so a reader that saw event N never
   * later finds a committed event below N (what makes Last-Event-ID resume gap-free).
   */
  lockEventSequence(trx: Transaction<Database>): Promise<void>;
  /** That lock as a statement's text, for a commit pipeline (PostgreSQL); null where there is no lock. */
  readonly lockEventSequenceText: string | null;
  /** Case-insensitive LIKE operator. */
  readonly ilike: 'like' | 'ilike';
}

export type ColumnBuilder = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
