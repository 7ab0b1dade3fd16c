import type { FeaturedTag } from '@hashchat/api/entities/featured-tag';
import { notFound, unprocessable } from '@hashchat/core/errors';
import type { Context } from '../context';
import { findAccountById } from '../store/accounts';
import {
  countFeaturedTags,
  deleteFeaturedTag,
  type FeaturedTagRow,
  featuredTagsOf,
  featureSuggestions,
  insertFeaturedTag,
} from '../store/featured-tags';
import { findOrCreateTag } from './find-or-create-tag';
import { presentTag } from './tag-views';

/** A profile features at most this many hashtags (as Mastodon's FeaturedTag::LIMIT). */
export const MAX_FEATURED_TAGS = 10;

const present = (ctx: Context, username: string, r: FeaturedTagRow): FeaturedTag => ({
  id: String(r.id),
  name: r.display_name,
  url: `${ctx.config.publicUrl}/@${username}/tagged/${encodeURIComponent(r.name)}`,
  statuses_count: r.statuses_count,
  last_status_at: r.last_status_at === null ? null : new Date(r.last_status_at).toISOString().slice(0, 10),
});

async function owner(ctx: Context, accountId: number) {
  const a = await findAccountById(ctx.store.db, accountId);
  if (!a || a.suspended_at !== null) throw notFound();
  return a;
}

/** An account's featured hashtags (anyone may read them; a suspended or unknown account is a 404). */
export async function featuredTags(ctx: Context, accountId: number): Promise<FeaturedTag[]> {
  const a = await owner(ctx, accountId);
  return (await featuredTagsOf(ctx.store.db, accountId)).map((r) => present(ctx, a.username, r));
}

/** Features a hashtag on the viewer's profile (422 when it is there already or the profile is full). */
export async function featureTag(ctx: Context, viewerId: number, name: string): Promise<FeaturedTag> {
  const a = await owner(ctx, viewerId);
  const tag = await findOrCreateTag(ctx, name, true);
  if (!tag) throw unprocessable('Validation failed: Name is invalid');
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    if ((await countFeaturedTags(trx, viewerId)) >= MAX_FEATURED_TAGS)
      throw unprocessable(`Validation failed: You cannot feature more than ${MAX_FEATURED_TAGS} hashtags`);
    const id = await insertFeaturedTag(trx, viewerId, tag.id, ctx.now());
    if (id === undefined) throw unprocessable('Validation failed: Name has already been taken');
    return id;
  });
  const [row] = await featuredTagsOf(ctx.store.db, viewerId, id);
  return present(ctx, a.username, row);
}

export async function unfeatureTag(ctx: Context, viewerId: number, id: number): Promise<void> {
  if (!(await deleteFeaturedTag(ctx.store.db, viewerId, id))) throw notFound();
}

/** Tag entities of the hashtags the viewer used most and has not featured (Mastodon gives 10). */
export async function featureTagSuggestions(ctx: Context, viewerId: number) {
  const tags = await featureSuggestions(ctx.store.db, viewerId, MAX_FEATURED_TAGS);
  return Promise.all(tags.map((t) => presentTag(ctx, t, viewerId)));
}
