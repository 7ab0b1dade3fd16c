import type { TagRef } from './tags';

/**
 * Tags by name and by id, kept per store. Tags are never renamed or deleted, so a tag once
 * committed stays right on every instance; only tags read or created in a committed transaction
 * go in. Writing a status looks its hashtags up here; presenting statuses names their tags.
 */
export class TagIdCache {
  private readonly byName = new Map<string, TagRef>();
  private readonly byId = new Map<number, TagRef>();
  constructor(private readonly max = 20_000) {}

  get(name: string): TagRef | undefined {
    return this.byName.get(name);
  }

  getById(id: number): TagRef | undefined {
    return this.byId.get(id);
  }

  add(tags: TagRef[]): void {
    for (const t of tags) {
      if (this.byName.size >= this.max) {
        const oldest = this.byName.values().next().value!;
        this.byName.delete(oldest.name);
        this.byId.delete(oldest.id);
      }
      const ref = { id: Number(t.id), name: t.name, display_name: t.display_name };
      this.byName.set(ref.name, ref);
      this.byId.set(ref.id, ref);
    }
  }
}
