import { languageName } from '../chats/languages';
import { plural } from './recap-model';

/** Statuses by language, named in the viewer's language ("und": not stated). */
export function LanguageList({ languages }: { languages: { language: string; count: number }[] }) {
  if (languages.length === 0) return <p className="feed-empty">No statuses yet.</p>;
  return (
    <ul className="language-list" aria-label="Languages">
      {languages.map((l) => (
        <li key={l.language}>
          <span lang={l.language === 'und' ? undefined : l.language}>
            {l.language === 'und' ? 'Not stated' : languageName(l.language)}
          </span>{' '}
          <span className="recap-count">{plural(l.count, 'status', 'statuses')}</span>
        </li>
      ))}
    </ul>
  );
}
