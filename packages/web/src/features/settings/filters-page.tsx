import type { Filter, FilterContext } from '@hashchat/api/entities/filter';
import { type FormEvent, useState } from 'react';
import { createFilter, deleteFilter, getFilters, removeKeyword } from '../../api/filters';
import { ErrorLine } from '../../app/error-line';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';

const CONTEXTS: { value: FilterContext; label: string }[] = [
  { value: 'home', label: 'Home and lists' },
  { value: 'notifications', label: 'Notifications' },
  { value: 'public', label: 'Public timelines and hashtags' },
  { value: 'thread', label: 'Conversations (threads)' },
  { value: 'account', label: 'Profiles' },
];
const EXPIRY: { label: string; seconds: number | null }[] = [
  { label: 'Never', seconds: null },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '1 week', seconds: 604_800 },
  { label: '1 month', seconds: 2_592_000 },
];

/** The keywords typed in one box, comma-separated, as the API wants them. */
export const keywordsFrom = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  ),
];

const ACTION_SUMMARY: Record<Filter['filter_action'], string> = {
  warn: 'Shown with a warning',
  hide: 'Hidden',
  blur: 'Images blurred',
};

function FilterCard({ filter, onChange }: { filter: Filter; onChange: (f: Filter | null) => void }) {
  const task = useAction();
  const where = filter.context.map((c) => CONTEXTS.find((x) => x.value === c)?.label ?? c).join(', ');
  const until = filter.expires_at
    ? ` until ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(filter.expires_at))}`
    : '';
  return (
    <li className="settings-card">
      <h3>{filter.title}</h3>
      <p className="muted">
        {ACTION_SUMMARY[filter.filter_action]} in {where}
        {until}.
      </p>
      {filter.keywords.length > 0 && (
        <ul className="keyword-chips" aria-label={`Keywords of ${filter.title}`}>
          {filter.keywords.map((k) => (
            <li key={k.id}>
              {k.keyword}
              {k.whole_word ? ' (whole word)' : ''}
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove keyword ${k.keyword}`}
                disabled={task.busy}
                onClick={() =>
                  task.run(async () => {
                    await removeKeyword(k.id);
                    onChange({ ...filter, keywords: filter.keywords.filter((x) => x.id !== k.id) });
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {filter.statuses.length > 0 && (
        <p className="muted">
          {filter.statuses.length === 1 ? '1 status' : `${filter.statuses.length} statuses`} picked one by
          one.
        </p>
      )}
      <button
        type="button"
        className="button button-quiet"
        disabled={task.busy}
        onClick={() =>
          task.run(async () => {
            await deleteFilter(filter.id);
            onChange(null);
          })
        }
      >
        Delete filter
      </button>
      <ErrorLine error={task.error} />
    </li>
  );
}

/** Words and phrases the viewer would rather not see, where, and how (warn or hide), as Mastodon's filters. */
export function FiltersPage() {
  useTitle('Filters');
  const { state, account } = useSession();
  const filters = useResource(
    () => (account ? getFilters() : Promise.resolve([] as Filter[])),
    [account?.id],
  );
  const task = useAction();
  const [title, setTitle] = useState('');
  const [keywords, setKeywords] = useState('');
  const [wholeWord, setWholeWord] = useState(true);
  const [contexts, setContexts] = useState<Set<FilterContext>>(
    new Set(['home', 'notifications', 'public', 'thread']),
  );
  const [action, setAction] = useState<Filter['filter_action']>('warn');
  const [expiry, setExpiry] = useState(0);

  const create = (event: FormEvent) => {
    event.preventDefault();
    void task.run(async () => {
      const made = await createFilter({
        title,
        context: CONTEXTS.map((c) => c.value).filter((c) => contexts.has(c)),
        filter_action: action,
        expires_in: EXPIRY[expiry].seconds,
        keywords_attributes: keywordsFrom(keywords).map((keyword) => ({ keyword, whole_word: wholeWord })),
      });
      filters.update((all) => [...all, made]);
      setTitle('');
      setKeywords('');
    });
  };
  const toggle = (c: FilterContext, on: boolean) =>
    setContexts((set) => {
      const next = new Set(set);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });

  return (
    <section className="column narrow" aria-labelledby="page-title">
      <p>
        <a href={paths.settings}>Settings</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Filters
      </h1>
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.settingsFilters)}>Sign in</a> to filter what you see.
        </p>
      )}
      {account && (
        <>
          <p className="muted">
            Statuses with these words are hidden, or shown behind a warning, wherever you choose. Your
            Mastodon apps use the same filters.
          </p>
          <form className="form settings-card" onSubmit={create} aria-labelledby="new-filter-title">
            <h2 id="new-filter-title">New filter</h2>
            <div className="field">
              <label htmlFor="filter-title">Name</label>
              <input
                id="filter-title"
                value={title}
                maxLength={200}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="filter-keywords">Words or phrases</label>
              <p className="field-hint" id="filter-keywords-hint">
                Separate them with commas.
              </p>
              <input
                id="filter-keywords"
                aria-describedby="filter-keywords-hint"
                value={keywords}
                onChange={(e) => setKeywords(e.target.value)}
              />
            </div>
            <div className="field field-check">
              <input
                id="filter-whole-word"
                type="checkbox"
                checked={wholeWord}
                onChange={(e) => setWholeWord(e.target.checked)}
              />
              <label htmlFor="filter-whole-word">Whole words only</label>
            </div>
            <fieldset>
              <legend>Where</legend>
              {CONTEXTS.map((c) => (
                <div key={c.value} className="field field-check">
                  <input
                    id={`filter-context-${c.value}`}
                    type="checkbox"
                    checked={contexts.has(c.value)}
                    onChange={(e) => toggle(c.value, e.target.checked)}
                  />
                  <label htmlFor={`filter-context-${c.value}`}>{c.label}</label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>What happens</legend>
              {(
                [
                  ['warn', 'Show them behind a warning'],
                  ['hide', 'Hide them completely'],
                  ['blur', 'Show them with their images blurred'],
                ] as const
              ).map(([value, label]) => (
                <div key={value} className="field field-check">
                  <input
                    id={`filter-action-${value}`}
                    type="radio"
                    name="filter-action"
                    checked={action === value}
                    onChange={() => setAction(value)}
                  />
                  <label htmlFor={`filter-action-${value}`}>{label}</label>
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="filter-expiry">For how long</label>
              <select id="filter-expiry" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
                {EXPIRY.map((x, i) => (
                  <option key={x.label} value={i}>
                    {x.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="button button-primary"
              disabled={
                task.busy || title.trim() === '' || contexts.size === 0 || keywordsFrom(keywords).length === 0
              }
            >
              Create filter
            </button>
            <ErrorLine error={task.error} />
          </form>
          {filters.loading && !filters.value && <p className="feed-note">Loading your filters…</p>}
          {filters.value?.length === 0 && <p className="muted">You filter nothing yet.</p>}
          {filters.value && filters.value.length > 0 && (
            <ul className="settings-cards" aria-label="Your filters">
              {filters.value.map((f) => (
                <FilterCard
                  key={f.id}
                  filter={f}
                  onChange={(changed) =>
                    filters.update((all) =>
                      changed
                        ? all.map((x) => (x.id === changed.id ? changed : x))
                        : all.filter((x) => x.id !== f.id),
                    )
                  }
                />
              ))}
            </ul>
          )}
          <ErrorLine error={filters.error} />
        </>
      )}
    </section>
  );
}
