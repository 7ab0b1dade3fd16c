import type { FilterResult } from '@hashchat/api/entities/filter';
import type { MediaAttachment } from '@hashchat/api/entities/media';
import type { Poll } from '@hashchat/api/entities/poll';
import type { Status } from '@hashchat/api/entities/status';
import type { AccountViewRow } from '../store/accounts';
import type { StatusViewRow } from '../store/statuses';
import { type AccountEntity, serializeAccount } from './account';

export interface StatusParts {
  row: StatusViewRow;
  account: AccountViewRow;
  tags: { name: string; display_name: string }[];
  mentions: AccountViewRow[];
  favourited: boolean;
  reblogged: boolean;
  /** Absent where no viewer is known (a stream's shared entity): false. */
  bookmarked?: boolean;
  /** Pinned to the viewer's own profile. */
  pinned?: boolean;
  /** The boosted status, already presented (the contract's Status). */
  reblog: Status | null;
  /** Its images, already presented, in order (none when left out). */
  media?: MediaAttachment[];
  /** The status's poll, already presented. */
  poll?: Poll | null;
}

/**
 * How many Status entities this process has presented. A write presents its status once, for
 * its event, and answers with that (test/presentations.test.ts holds it to this).
 */
export const presented = { statuses: 0 };

/** Mastodon's Status entity. */
export function serializeStatus(p: StatusParts, baseUrl: string, account?: AccountEntity) {
  presented.statuses++;
  const s = p.row;
  const acct = account ?? serializeAccount(p.account, baseUrl);
  // A remote status keeps its own id and page; a local one's id is its ActivityPub Note.
  const local = `${baseUrl}/users/${p.account.username.toLowerCase()}/statuses/${s.id}`;
  const uri = s.uri ?? local;
  const url = s.uri ? (s.url ?? s.uri) : `${baseUrl}/@${p.account.username}/${s.id}`;
  return {
    id: String(s.id),
    created_at: new Date(Number(s.created_at)).toISOString(),
    in_reply_to_id: s.in_reply_to_id === null ? null : String(s.in_reply_to_id),
    in_reply_to_account_id: s.in_reply_to_account_id === null ? null : String(s.in_reply_to_account_id),
    sensitive: Boolean(s.sensitive),
    spoiler_text: s.spoiler_text,
    visibility: s.visibility,
    language: s.language,
    uri,
    url,
    replies_count: Number(s.replies_count),
    reblogs_count: Number(s.reblogs_count),
    favourites_count: Number(s.favourites_count),
    edited_at: s.edited_at ? new Date(Number(s.edited_at)).toISOString() : null,
    favourited: p.favourited,
    reblogged: p.reblogged,
    muted: false,
    bookmarked: p.bookmarked ?? false,
    pinned: p.pinned ?? false,
    content: s.content,
    filtered: [] as FilterResult[],
    reblog: p.reblog,
    application: null,
    account: acct,
    media_attachments: p.media ?? [],
    mentions: p.mentions.map((m) => ({
      id: String(m.id),
      username: m.username,
      acct: m.domain ? `${m.username}@${m.domain}` : m.username,
      url: m.domain ? (m.url ?? m.uri ?? '') : `${baseUrl}/@${m.username}`,
    })),
    tags: p.tags.map((t) => ({ name: t.display_name, url: `${baseUrl}/tags/${encodeURIComponent(t.name)}` })),
    emojis: [],
    card: null,
    poll: p.poll ?? null,
  };
}

export type StatusEntity = ReturnType<typeof serializeStatus>;

/** What one viewer's own actions add to a status (undefined `ownVotes`: the status has no poll). */
export interface ViewerState {
  favourited: boolean;
  reblogged: boolean;
  bookmarked: boolean;
  ownVotes?: number[] | null;
}

/**
 * The entity everyone sees, made one viewer's: a boost's wrapper and the status it boosts both
 * answer for the boosted one, as in Mastodon. Pure; no presenting again.
 */
export function withViewerState(entity: StatusEntity, v: ViewerState): StatusEntity {
  const mine = <T extends StatusEntity | Status>(s: T): T => ({
    ...s,
    favourited: v.favourited,
    reblogged: v.reblogged,
    bookmarked: v.bookmarked,
    ...(s.poll && v.ownVotes !== undefined
      ? { poll: { ...s.poll, voted: v.ownVotes !== null, own_votes: v.ownVotes ?? [] } }
      : {}),
  });
  return entity.reblog ? { ...mine(entity), reblog: mine(entity.reblog) } : mine(entity);
}
