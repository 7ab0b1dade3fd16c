import { PUBLIC_TOPIC, tagTopic } from '@hashchat/api/topics';
import type { Context } from '../context';
import type { StatusEntity } from '../present/status';
import { ownPollVotes } from '../store/polls';
import { viewerPageStateReader } from '../store/statuses';
import { presentVisibleStatuses } from './status-views';

/**
 * Hot status pages: the first page of a hashtag's timeline, and of the public one, shared by
 * every viewer through the hot-page cache (stream/hot-pages.ts). A page is computed once per
 * change, as everyone sees it, and kept with each status's JSON; the events that change it (new,
 * hidden, released, edited and deleted statuses, polls ending: all go to the tag's topic and the
 * public one) drop it on every instance. Favourites, boosts and replies change a status's counts
 * with no event there: the instance that writes one has its pages made again at their next read
 * (`countsChanged`), others within `HOT_PAGE_TTL_MS`, the most any page lives (authors' new
 * names too).
 *
 * Per viewer, one statement (`viewerPageState`) says what differs: statuses by accounts they
 * block, are blocked by or mute are left out, exactly as the uncached path leaves them out (a
 * page may come out short; its Link header is built from the ids fetched, as there), and their
 * favourites, boosts, bookmarks, pins and poll votes are spliced into the few statuses they touch.
 * The cache answers only where that is the whole difference: a page holding a status that not
 * everyone may see (held by moderators: its author and the chat's moderators see it), a viewer
 * with active filters, or a poll that has ended since the page was made, go the uncached way.
 */
export interface SharedPage {
  /** The ids fetched (the Link header's cursors), visible or not. */
  ids: number[];
  items: PageItem[];
  /** Every fetched status is visible to everyone: a signed-in viewer sees no more than a reader with no account. */
  complete: boolean;
  /** The page as JSON for readers with no account, and for signed-in viewers with nothing of theirs on it. */
  anonymous: Buffer;
  signedIn: Buffer;
  /** When the first open poll on the page ends (its `expired` changes): the page is not served from then on. */
  until: number;
  /** The page's one statement for a viewer (`viewerPageStateReader`), over its statuses and the ones they boost. */
  viewerState: ReturnType<typeof viewerPageStateReader>;
  pollIds: number[];
  /** This instance's count of count changes when the page was begun (`countsChanged`). */
  generation: number;
}

const generations = new WeakMap<Context, number>();
const generationOf = (ctx: Context) => generations.get(ctx) ?? 0;

/**
 * A status's favourites, boosts or replies were counted (or uncounted) here: this instance's
 * shared pages are made again at their next read, so the writer sees the count they changed.
 */
export function countsChanged(ctx: Context): void {
  generations.set(ctx, generationOf(ctx) + 1);
}

/** The kept page for `key`, unless counts changed since it was begun: then a new one. */
async function current(
  ctx: Context,
  key: string,
  topics: string[],
  fetchIds: () => Promise<number[]>,
): Promise<SharedPage> {
  const compute = () => sharedPage(ctx, fetchIds);
  const kept = ctx.hotPages.get(key, topics, compute);
  const page = await kept;
  if (page.generation === generationOf(ctx)) return page;
  ctx.hotPages.forget(key, kept);
  return ctx.hotPages.get(key, topics, compute);
}

interface PageItem {
  id: number;
  /** The status a boost wraps, or the status itself: favourites, boosts and bookmarks are of this one. */
  proper: number;
  authorId: number;
  innerAuthorId: number | null;
  /** As a signed-in viewer with no favourite, boost, bookmark, pin or vote sees it. */
  entity: StatusEntity;
  json: string;
  pollId: number | null;
}

/** `GET /api/v1/timelines/tag/:tag?limit=n`, one hashtag, no cursor or other tag: shared by every viewer. */
export function hotTagPage(
  ctx: Context,
  tag: { id: number; name: string },
  limit: number,
  fetchIds: () => Promise<number[]>,
): Promise<SharedPage> {
  return current(ctx, `tag-page:${tag.id}:${limit}`, [tagTopic(tag.name)], fetchIds);
}

/** `GET /api/v1/timelines/public?limit=n` with no cursor. */
export function hotPublicPage(
  ctx: Context,
  limit: number,
  fetchIds: () => Promise<number[]>,
): Promise<SharedPage> {
  return current(ctx, `public-page:${limit}`, [PUBLIC_TOPIC], fetchIds);
}

async function sharedPage(ctx: Context, fetchIds: () => Promise<number[]>): Promise<SharedPage> {
  const generation = generationOf(ctx);
  const ids = await fetchIds();
  const statuses = await presentVisibleStatuses(ctx, ids, null);
  let until = Number.POSITIVE_INFINITY;
  const anonymous: string[] = [];
  const items = statuses.map((s): PageItem => {
    anonymous.push(JSON.stringify(s));
    const inner = s.reblog as StatusEntity | null;
    const proper = inner ?? s;
    const pollOf = (e: StatusEntity | null) =>
      e?.poll ? { ...e, poll: { ...e.poll, voted: false, own_votes: [] as number[] } } : e;
    const entity = s.poll || inner?.poll ? { ...pollOf(s)!, reblog: pollOf(inner) } : s;
    if (proper.poll && !proper.poll.expired && proper.poll.expires_at)
      until = Math.min(until, Date.parse(proper.poll.expires_at));
    return {
      id: Number(s.id),
      proper: Number(proper.id),
      authorId: Number(s.account.id),
      innerAuthorId: inner ? Number(inner.account.id) : null,
      entity: entity as StatusEntity,
      json: JSON.stringify(entity),
      pollId: proper.poll ? Number(proper.poll.id) : null,
    };
  });
  const idsOnPage: number[] = [];
  for (const i of items) {
    idsOnPage.push(i.id);
    if (i.proper !== i.id) idsOnPage.push(i.proper);
  }
  return {
    ids,
    items,
    viewerState: viewerPageStateReader(ctx.store.db, idsOnPage),
    pollIds: items.flatMap((i) => (i.pollId === null ? [] : [i.pollId])),
    generation,
    complete: statuses.length === ids.length,
    anonymous: Buffer.from(`[${anonymous.join(',')}]`),
    signedIn: Buffer.from(`[${items.map((i) => i.json).join(',')}]`),
    until,
  };
}

/**
 * The page as `viewerId` sees it, as JSON; null where the shared page cannot say (the caller
 * takes the uncached path): what `presentTimeline` would answer, without presenting anything.
 */
export async function pageForViewer(
  ctx: Context,
  page: SharedPage,
  viewerId: number | null,
): Promise<Buffer | string | null> {
  // The clock the page's polls were presented with (`expired`).
  if (ctx.now() >= page.until) return null;
  if (viewerId === null) return page.anonymous;
  if (!page.complete) return null;
  const [state, votes] = await Promise.all([
    page.viewerState(viewerId, ctx.now()),
    page.pollIds.length > 0 ? ownPollVotes(ctx.store.db, page.pollIds, viewerId) : null,
  ]);
  if (state.hasFilters) return null;
  const touched =
    state.favourited.size + state.reblogged.size + state.bookmarked.size + state.pinned.size > 0 ||
    (votes !== null && votes.size > 0);
  const excludes = (i: PageItem) =>
    state.excluded.has(i.authorId) || (i.innerAuthorId !== null && state.excluded.has(i.innerAuthorId));
  const kept = state.excluded.size === 0 ? page.items : page.items.filter((i) => !excludes(i));
  if (!touched && kept.length === page.items.length) return page.signedIn;
  const parts = kept.map((i) => {
    const own = {
      favourited: state.favourited.has(i.proper),
      reblogged: state.reblogged.has(i.proper),
      bookmarked: state.bookmarked.has(i.proper),
    };
    const ownVotes = i.pollId === null ? undefined : (votes?.get(i.pollId) ?? null);
    const innerPinned = i.proper !== i.id && state.pinned.has(i.proper);
    if (
      !own.favourited &&
      !own.reblogged &&
      !own.bookmarked &&
      !state.pinned.has(i.id) &&
      !innerPinned &&
      (ownVotes === undefined || ownVotes === null)
    )
      return i.json;
    // As `presentStatuses` does it: a boost and the status it wraps both answer for the wrapped
    // one; each is pinned when the viewer pinned that very status.
    const mine = <T extends StatusEntity>(s: T, pinned: boolean): T => ({
      ...s,
      ...own,
      pinned,
      ...(s.poll && ownVotes !== undefined
        ? { poll: { ...s.poll, voted: ownVotes !== null, own_votes: ownVotes ?? [] } }
        : {}),
    });
    const e = i.entity;
    const reblog = e.reblog as StatusEntity | null;
    return JSON.stringify(
      mine(
        reblog ? ({ ...e, reblog: mine(reblog, innerPinned) } as StatusEntity) : e,
        state.pinned.has(i.id),
      ),
    );
  });
  return `[${parts.join(',')}]`;
}
