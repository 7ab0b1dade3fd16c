/** ActivityPub (migration 015): actor keys, remote followers of chats, pending follows of remote accounts. */
export interface FederationTables {
  actor_keys: ActorKeysTable;
  retired_actor_keys: RetiredActorKeysTable;
  chat_remote_followers: ChatRemoteFollowersTable;
  follow_requests: FollowRequestsTable;
}

/** Whose keys: an account's, a chat's Group's, or the instance actor's (id 0). */
export type ActorKind = 'account' | 'chat' | 'instance';
export type KeyAlgorithm = 'RSASSA-PKCS1-v1_5' | 'Ed25519';

/** A local actor's key pair, as JWK (the private one never leaves the server). */
export interface ActorKeysTable {
  owner_kind: ActorKind;
  owner_id: number;
  algorithm: KeyAlgorithm;
  public_jwk: string;
  private_jwk: string;
  created_at: number;
  /** The `keyId` fragment; null for the first keys (`main-key`, `key-2`). */
  key_name: string | null;
}

/** A rotated-out key, still published (and its signatures verifiable) for a grace period. */
export interface RetiredActorKeysTable {
  owner_kind: ActorKind;
  owner_id: number;
  algorithm: KeyAlgorithm;
  key_name: string;
  public_jwk: string;
  private_jwk: string;
  retired_at: number;
}

export interface ChatRemoteFollowersTable {
  chat_id: number;
  account_id: number;
  created_at: number;
}

/** A local account's Follow of a remote account, until the remote server accepts or rejects it. */
export interface FollowRequestsTable {
  account_id: number;
  target_account_id: number;
  activity_uri: string;
  created_at: number;
}
