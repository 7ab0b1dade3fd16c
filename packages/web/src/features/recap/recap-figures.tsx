import type { Recap } from '@hashchat/api/entities/recap';
import { zoneAbbreviation } from '../chats/format-session-time';
import { clockTime, count, percent, plural } from './recap-model';

interface Figure {
  key: string;
  label: string;
  value: string;
  detail?: string;
  /** Which entry of the recap's `definitions` says how it is counted. */
  definition: string;
}

function figures(recap: Recap): Figure[] {
  const peak = recap.peak_minute;
  return [
    {
      key: 'statuses',
      label: 'Statuses',
      value: count(recap.statuses_count),
      detail: recap.late_statuses_count > 0 ? `${count(recap.late_statuses_count)} late` : undefined,
      definition: 'statuses',
    },
    {
      key: 'participants',
      label: 'Participants',
      value: count(recap.participants_count),
      definition: 'participants',
    },
    {
      key: 'new',
      label: 'New participants',
      value: count(recap.new_participants_count),
      detail: `${count(recap.returning_participants_count)} returning`,
      definition: 'new_participants',
    },
    {
      key: 'hosts-share',
      label: "Hosts' share",
      value: percent(recap.hosts_share),
      detail: `${plural(recap.hosts_statuses_count, 'status', 'statuses')} by hosts`,
      definition: 'hosts_share',
    },
    {
      key: 'peak',
      label: 'Peak minute',
      // The time names the viewer's zone, as every time does.
      value: peak ? `${clockTime(peak.at)} ${zoneAbbreviation(new Date(peak.at))}` : '—',
      detail: peak ? plural(peak.count, 'post', 'posts') : 'No posts yet',
      definition: 'posts_per_minute',
    },
    {
      key: 'reach',
      label: 'Potential reach',
      value: count(recap.potential_reach),
      definition: 'potential_reach',
    },
    {
      key: 'impressions',
      label: 'Potential impressions',
      value: count(recap.potential_impressions),
      definition: 'potential_impressions',
    },
  ];
}

/** The headline figures, each with how it is counted (the API's own definitions). */
export function RecapFigures({ recap }: { recap: Recap }) {
  return (
    <dl className="recap-figures">
      {figures(recap).map((f) => (
        <div key={f.key} className="recap-figure" data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd className="figure-value">{f.value}</dd>
          {f.detail && <dd className="figure-detail">{f.detail}</dd>}
          {recap.definitions[f.definition] && (
            <dd className="figure-definition">{recap.definitions[f.definition]}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
