import type { ChatCategory } from '@hashchat/api/entities/chat';
import { type FormEvent, useEffect, useState } from 'react';
import { navigate } from '../../app/history';
import { type DirectoryFilters as Filters, paths } from '../../app/routes';
import { LANGUAGES, languageName } from './languages';

/** Search and filters of the directory; they live in the address, so a filtered view can be shared. */
export function DirectoryFilters({ filters, categories }: { filters: Filters; categories: ChatCategory[] }) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const apply = (patch: Partial<Filters>) =>
    navigate(paths.chats({ ...filters, ...patch }), { replace: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    apply({ q: q.trim() });
  }

  return (
    <search className="directory-filters">
      <form onSubmit={submit} className="directory-search">
        <label htmlFor="directory-q">Search chats</label>
        <div className="inline-row">
          <input
            id="directory-q"
            type="search"
            value={q}
            placeholder="Title, topic or hashtag"
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <div className="field">
        <label htmlFor="directory-category">Category</label>
        <select
          id="directory-category"
          value={filters.category}
          onChange={(event) => apply({ category: event.target.value })}
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="directory-language">Language</label>
        <select
          id="directory-language"
          value={filters.language}
          onChange={(event) => apply({ language: event.target.value })}
        >
          <option value="">All languages</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
