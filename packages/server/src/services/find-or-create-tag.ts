import { validationFailed } from '@hashchat/api/requests/validation';
import { isValidTagName, normalizeTag } from '@hashchat/core/text/tag-name';
import type { Context } from '../context';
import { findTagByName, insertTagIfMissing, type TagRef } from '../store/tags';

/** Finds a tag by any spelling, creating it when `create` (following a tag nobody used yet works). */
export async function findOrCreateTag(ctx: Context, raw: string, create: boolean): Promise<TagRef | null> {
  const display = raw.replace(/^[#＃]/, '');
  if (!isValidTagName(display)) throw validationFailed('Name is invalid');
  const name = normalizeTag(display);
  if (create) await insertTagIfMissing(ctx.store.db, { name, displayName: display, now: ctx.now() });
  return (await findTagByName(ctx.store.db, name)) ?? null;
}
