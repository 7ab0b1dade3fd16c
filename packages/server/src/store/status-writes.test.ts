import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempSqliteStore } from '../../test/support/temp-sqlite-store';
import type { Database } from './schema';
import { linkTags } from './status-writes';
import { tagsForStatuses } from './statuses';
import { TagIdCache } from './tag-id-cache';

const openTemp = tempSqliteStore('hashchat-tags-');
let db: Kysely<Database>;

/** A migrated SQLite file with one account and two statuses, and every SQL text run on it. */
async function seeded() {
  db = (await openTemp()).db;
  await sql`insert into accounts (id, username, username_lower, email, password_hash, created_at, updated_at)
    values (1, 'ana', 'ana', 'ana@example.com', 'x', 0, 0)`.execute(db);
  for (const id of [10, 11]) {
    await sql`insert into statuses (id, account_id, text, content, visibility, created_at)
      values (${id}, 1, 't', '<p>t</p>', 'public', 0)`.execute(db);
  }
  return db;
}

const linked = async (statusId: number) => {
  const { rows } = await sql<{ name: string }>`select t.name from status_tags st
    join tags t on t.id = st.tag_id where st.status_id = ${statusId}`.execute(db);
  return rows.map((r) => r.name);
};

describe('linkTags', () => {
  it('creates missing tags, links them and returns them with their ids, by id', async () => {
    const db = await seeded();
    const cache = new TagIdCache();
    const tags = [
      { name: 'zeta', display: 'Zeta' },
      { name: 'alpha', display: 'alpha' },
    ];
    const out = await linkTags(db, cache, 10, 1, tags, 5);
    // Created in the text's order, so zeta has the lower id and comes first.
    expect(out.map((t) => [t.name, t.display_name])).toEqual([
      ['zeta', 'Zeta'],
      ['alpha', 'alpha'],
    ]);
    expect(out[0].id).toBeLessThan(out[1].id);
    expect((await linked(10)).sort()).toEqual(['alpha', 'zeta']);
    // The caller caches only after its transaction commits: linkTags itself adds nothing.
    expect(cache.get('zeta')).toBeUndefined();
  });

  it('keeps the first display name of a tag that already exists', async () => {
    const db = await seeded();
    const cache = new TagIdCache();
    const [first] = await linkTags(db, cache, 10, 1, [{ name: 'menu', display: 'Menu' }], 5);
    const [again] = await linkTags(db, cache, 11, 1, [{ name: 'menu', display: 'MENU' }], 6);
    expect(again).toEqual(first);
    expect(again.display_name).toBe('Menu');
  });

  it('uses cached ids without looking the tags up', async () => {
    const db = await seeded();
    const cache = new TagIdCache();
    const made = await linkTags(db, cache, 10, 1, [{ name: 'bread', display: 'bread' }], 5);
    cache.add(made);
    // Renaming the row behind the cache's back shows whether linkTags read it again.
    await sql`update tags set display_name = 'changed' where name = 'bread'`.execute(db);
    const [hit] = await linkTags(db, cache, 11, 1, [{ name: 'bread', display: 'bread' }], 6);
    expect(hit).toEqual(made[0]);
    expect(await linked(11)).toEqual(['bread']);
  });
});

describe('TagIdCache', () => {
  it('drops the oldest entries past its size', () => {
    const cache = new TagIdCache(2);
    cache.add([
      { id: 1, name: 'a', display_name: 'a' },
      { id: 2, name: 'b', display_name: 'b' },
      { id: 3, name: 'c', display_name: 'c' },
    ]);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getById(1)).toBeUndefined();
    expect(cache.get('b')?.id).toBe(2);
    expect(cache.getById(3)?.name).toBe('c');
  });
});

describe('tagsForStatuses', () => {
  it('names each status’s tags by tag id, as linkTags returned them, reading only the tags the cache lacks', async () => {
    const db = await seeded();
    const writes = new TagIdCache();
    await linkTags(db, writes, 11, 1, [{ name: 'a', display: 'A' }], 6);
    const text = [
      { name: 'b', display: 'B' },
      { name: 'a', display: 'A' },
    ];
    const made = await linkTags(db, writes, 10, 1, text, 5);
    const cache = new TagIdCache(1);
    const first = await tagsForStatuses(db, [10, 11], cache);
    // 'a' was created first: lower id, first, although the text named 'b' first.
    expect(first.get(10)).toEqual([
      { name: 'a', display_name: 'A' },
      { name: 'b', display_name: 'B' },
    ]);
    expect(first.get(10)).toEqual(made.map((t) => ({ name: t.name, display_name: t.display_name })));
    expect(first.get(11)).toEqual([{ name: 'a', display_name: 'A' }]);
    // A cache of one keeps one tag: the page is still whole, the other tag read again.
    const again = await tagsForStatuses(db, [10, 11], cache);
    expect(again).toEqual(first);
  });
});
