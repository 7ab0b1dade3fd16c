import { type Kysely, sql } from 'kysely';
import type { Database, Visibility } from './schema';

/** What the visibility rule needs of a status: its author, audience, reblog target and hold. */
export interface VisibilityRow {
  id: number;
  account_id: number;
  visibility: Visibility;
  reblog_of_id: number | null;
  /** The chat whose moderators hold it (pending, muted or hidden), or null. */
  hold_chat_id: number | null;
}

/** The rule's inputs for these statuses, by id; missing ids are deleted statuses. */
export async function visibilityRows(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, VisibilityRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // SQL text, one query: every page of statuses asks this (docs/performance.md, change 10).
  const { rows } = await sql<VisibilityRow>`select s.id, s.account_id, s.visibility, s.reblog_of_id,
      h.chat_id as hold_chat_id
    from statuses as s left join status_holds as h on h.status_id = s.id
    where s.id in (${sql.join(unique)})`.execute(db);
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        account_id: Number(r.account_id),
        visibility: r.visibility,
        reblog_of_id: r.reblog_of_id === null ? null : Number(r.reblog_of_id),
        hold_chat_id: r.hold_chat_id === null ? null : Number(r.hold_chat_id),
      },
    ]),
  );
}

/** What a viewer can reach beyond public statuses: where they are mentioned, whom they follow, which chats they moderate. */
export interface ViewerReach {
  mentionedIn: Set<number>;
  following: Set<number>;
  /** Chats whose held statuses the viewer may see; `all` for the instance's moderators and admins. */
  moderates: Set<number> | 'all';
}

/** The viewer's reach over just these statuses, authors and chats (each read skipped when its list is empty). */
export async function viewerReach(
  db: Kysely<Database>,
  viewerId: number,
  about: { statusIds: number[]; authorIds: number[]; chatIds: number[] },
): Promise<ViewerReach> {
  const [mentions, follows, moderates] = await Promise.all([
    about.statusIds.length === 0
      ? []
      : db
          .selectFrom('mentions')
          .select('status_id')
          .where('account_id', '=', viewerId)
          .where('status_id', 'in', about.statusIds)
          .execute(),
    about.authorIds.length === 0
      ? []
      : db
          .selectFrom('follows')
          .select('target_account_id')
          .where('account_id', '=', viewerId)
          .where('target_account_id', 'in', about.authorIds)
          .execute(),
    about.chatIds.length === 0 ? new Set<number>() : moderatedChats(db, viewerId, about.chatIds),
  ]);
  return {
    mentionedIn: new Set(mentions.map((m) => Number(m.status_id))),
    following: new Set(follows.map((f) => Number(f.target_account_id))),
    moderates,
  };
}

/** Of these chats, those the account moderates: owner, co-host, or every chat for instance moderators. */
async function moderatedChats(
  db: Kysely<Database>,
  accountId: number,
  chatIds: number[],
): Promise<Set<number> | 'all'> {
  const account = await db
    .selectFrom('accounts')
    .select('role')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (account?.role === 'admin' || account?.role === 'moderator') return 'all';
  const [owned, coHosted] = await Promise.all([
    db
      .selectFrom('chats')
      .select('id')
      .where('owner_id', '=', accountId)
      .where('id', 'in', chatIds)
      .execute(),
    db
      .selectFrom('chat_co_hosts')
      .select('chat_id as id')
      .where('account_id', '=', accountId)
      .where('chat_id', 'in', chatIds)
      .execute(),
  ]);
  return new Set([...owned, ...coHosted].map((r) => Number(r.id)));
}

/**
 * Whether a status is in a chat's room: it carries the chat's hashtag, was indexed in one of
 * its sessions, or is held by it.
 */
export async function isInChatRoom(
  db: Kysely<Database>,
  chat: { id: number; tag_name: string },
  statusId: number,
): Promise<boolean> {
  const [tagged, indexed, held] = await Promise.all([
    db
      .selectFrom('status_tags as st')
      .innerJoin('tags as t', 't.id', 'st.tag_id')
      .select('st.status_id')
      .where('st.status_id', '=', statusId)
      .where('t.name', '=', chat.tag_name)
      .executeTakeFirst(),
    db
      .selectFrom('session_statuses as ss')
      .innerJoin('chat_sessions as s', 's.id', 'ss.session_id')
      .select('ss.status_id')
      .where('ss.status_id', '=', statusId)
      .where('s.chat_id', '=', chat.id)
      .executeTakeFirst(),
    db
      .selectFrom('status_holds')
      .select('status_id')
      .where('status_id', '=', statusId)
      .where('chat_id', '=', chat.id)
      .executeTakeFirst(),
  ]);
  return Boolean(tagged || indexed || held);
}
