import type { Generated } from 'kysely';

/** Federation's queue and cache, delivery outcomes and domain policy (migration 016). */
export interface FederationDeliveryTables {
  federation_kv: FederationKvTable;
  federation_queue: FederationQueueTable;
  federation_deliveries: FederationDeliveriesTable;
  domain_blocks: DomainBlocksTable;
  domain_allows: DomainAllowsTable;
}

/** One entry of Fedify's key–value store: the key and value as JSON text. */
export interface FederationKvTable {
  key: string;
  value: string;
  /** Epoch ms after which the entry is gone (null: never). */
  expires_at: number | null;
}

export type QueueState = 'pending' | 'running';

/** One message of Fedify's queue; deleted once handled. */
export interface FederationQueueTable {
  id: Generated<number>;
  payload: string;
  ordering_key: string | null;
  host: string | null;
  run_at: number;
  state: QueueState;
  locked_by: string | null;
  locked_until: number | null;
  claims: Generated<number>;
  created_at: number;
}

/** Delivery outcomes to one remote server (host[:port]). */
export interface FederationDeliveriesTable {
  host: string;
  attempts: Generated<number>;
  failures: Generated<number>;
  consecutive_failures: Generated<number>;
  given_up: Generated<number>;
  last_error: string | null;
  last_error_at: number | null;
  last_success_at: number | null;
  updated_at: number;
}

export type DomainBlockSeverity = 'silence' | 'suspend';

export interface DomainBlocksTable {
  id: Generated<number>;
  domain: string;
  severity: DomainBlockSeverity;
  reject_media: Generated<number>;
  reject_reports: Generated<number>;
  public_comment: string | null;
  private_comment: string | null;
  obfuscate: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface DomainAllowsTable {
  id: Generated<number>;
  domain: string;
  created_at: number;
}
