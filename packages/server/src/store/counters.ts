import { sql } from 'kysely';

/** `column + 1`, for a counter kept on a row. */
export const increment = (column: string) => sql<number>`${sql.ref(column)} + 1`;

/** `column - 1`, never below zero: a counter may already be off after a crash or a race. */
export const decrement = (column: string) =>
  sql<number>`CASE WHEN ${sql.ref(column)} > 0 THEN ${sql.ref(column)} - 1 ELSE 0 END`;
