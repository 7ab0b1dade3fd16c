import type { Kysely, Selectable } from 'kysely';
import type { Database, FederationDeliveriesTable } from './schema';

export type DeliveryStatsRow = Selectable<FederationDeliveriesTable>;

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'failed'; error: string }
  | { kind: 'given_up'; error: string };

/** Adds one delivery attempt's outcome to the host's counts. */
export async function recordDelivery(
  db: Kysely<Database>,
  host: string,
  outcome: DeliveryOutcome,
  now: number,
): Promise<void> {
  const ok = outcome.kind === 'delivered';
  const gaveUp = outcome.kind === 'given_up';
  const error = ok ? null : outcome.error;
  await db
    .insertInto('federation_deliveries')
    .values({
      host,
      attempts: 1,
      failures: ok ? 0 : 1,
      consecutive_failures: ok ? 0 : 1,
      given_up: gaveUp ? 1 : 0,
      last_error: error,
      last_error_at: ok ? null : now,
      last_success_at: ok ? now : null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('host').doUpdateSet((eb) => ({
        attempts: eb('federation_deliveries.attempts', '+', 1),
        updated_at: now,
        ...(ok
          ? { consecutive_failures: 0, last_success_at: now }
          : {
              failures: eb('federation_deliveries.failures', '+', 1),
              consecutive_failures: eb('federation_deliveries.consecutive_failures', '+', 1),
              given_up: eb('federation_deliveries.given_up', '+', gaveUp ? 1 : 0),
              last_error: error,
              last_error_at: now,
            }),
      })),
    )
    .execute();
}

/** The servers delivered to, those failing now first, then the most recently active. */
export async function listDeliveryStats(db: Kysely<Database>, limit: number): Promise<DeliveryStatsRow[]> {
  return db
    .selectFrom('federation_deliveries')
    .selectAll()
    .orderBy('consecutive_failures', 'desc')
    .orderBy('updated_at', 'desc')
    .orderBy('host')
    .limit(limit)
    .execute();
}
