import { validationFailed } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { type CategoryEntity, serializeCategory } from '../../present/chat';
import { findCategory, insertCategory, listCategories, renameCategoryRow } from '../../store/chats';
import { requireAdmin } from './access';

/** "Food & restaurants" → "food-restaurants". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export async function categories(ctx: Context): Promise<CategoryEntity[]> {
  return (await listCategories(ctx.store.db)).map(serializeCategory);
}

/** Admins keep the category list: add one (slug from the name unless given). */
export async function createCategory(
  ctx: Context,
  actorId: number,
  input: { name: string; slug: string | null },
): Promise<CategoryEntity> {
  await requireAdmin(ctx.store.db, actorId);
  const slug = slugify(input.slug ?? input.name);
  if (!slug) throw validationFailed('the category needs a name with letters or digits');
  if (await findCategory(ctx.store.db, slug)) throw validationFailed(`category "${slug}" already exists`);
  const row = await insertCategory(ctx.store.db, slug, input.name, ctx.now());
  return serializeCategory(row);
}

/** Renames a category; its slug (used in links and filters) stays. */
export async function renameCategory(
  ctx: Context,
  actorId: number,
  id: number,
  name: string,
): Promise<CategoryEntity> {
  await requireAdmin(ctx.store.db, actorId);
  if (!(await renameCategoryRow(ctx.store.db, id, name))) throw notFound();
  return serializeCategory((await findCategory(ctx.store.db, String(id)))!);
}
