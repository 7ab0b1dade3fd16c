import type { Recap } from '@hashchat/api/entities/recap';
import { paths } from '../../app/routes';

const EXPORTS: { key: keyof Recap['exports']; label: string; hint: string }[] = [
  { key: 'html', label: 'HTML', hint: 'one file, readable offline' },
  { key: 'markdown', label: 'Markdown', hint: 'for notes and blogs' },
  { key: 'csv', label: 'CSV', hint: 'one row per status, for spreadsheets' },
  { key: 'json', label: 'JSON', hint: 'the API entities' },
];

/** The permanent transcript page and the four exports of the session. */
export function RecapDownloads({ recap }: { recap: Recap }) {
  return (
    <>
      <p>
        <a className="button" href={paths.transcript(recap.session.id)}>
          Read the transcript
        </a>
      </p>
      <ul className="recap-exports" aria-label="Download the transcript">
        {EXPORTS.map((e) => (
          <li key={e.key}>
            <a href={recap.exports[e.key]} download>
              {e.label}
            </a>{' '}
            <span className="muted">— {e.hint}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
