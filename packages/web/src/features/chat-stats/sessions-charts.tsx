import type { ChatStats } from '@hashchat/api/entities/recap';
import { paths } from '../../app/routes';
import { BarChart } from '../recap/bar-chart';
import { ChartFigure } from '../recap/chart-figure';
import { DataTable } from '../recap/data-table';
import { fullTime } from '../status/format-time';
import { sessionLabels } from './stats-model';

function sessionTable(stats: ChatStats, labels: string[]) {
  return (
    <DataTable
      caption="Every session, oldest first"
      columns={['Session', 'Statuses', 'Participants', 'New', 'Returning']}
      rows={stats.sessions.map((s, i) => ({
        key: s.session.id,
        cells: [
          <a key="l" href={paths.recap(s.session.id)}>
            <time dateTime={s.session.starts_at} title={fullTime(new Date(s.session.starts_at))}>
              {labels[i]}
            </time>
            {s.session.title ? ` · ${s.session.title}` : ''}
          </a>,
          s.statuses_count,
          s.participants_count,
          s.new_participants_count,
          s.returning_participants_count,
        ],
      }))}
    />
  );
}

/** Participants and new people per session (grouped bars), and statuses per session. */
export function SessionsCharts({ stats }: { stats: ChatStats }) {
  const labels = sessionLabels(stats.sessions);
  const people = stats.sessions.map((s) => s.participants_count);
  const fresh = stats.sessions.map((s) => s.new_participants_count);
  const statuses = stats.sessions.map((s) => s.statuses_count);
  const peopleDesc = stats.sessions
    .map((_, i) => `${labels[i]}: ${people[i]} participants, ${fresh[i]} new`)
    .join('; ');
  const statusesDesc = labels.map((label, i) => `${label}: ${statuses[i]}`).join('; ');
  return (
    <>
      <ChartFigure
        heading="People per session"
        tableShown
        note={stats.definitions.new_participants}
        legend={[
          { name: 'Participants', className: 'bar-s0' },
          { name: 'New participants', className: 'bar-s1' },
        ]}
        chart={
          <BarChart
            title="Participants and new participants per session"
            description={`${peopleDesc}.`}
            categories={labels}
            series={[
              { name: 'Participants', values: people },
              { name: 'New', values: fresh },
            ]}
            xLabel="Session (your time)"
            yLabel="People"
          />
        }
        table={sessionTable(stats, labels)}
      />
      <ChartFigure
        heading="Statuses per session"
        chart={
          <BarChart
            title="Statuses per session"
            description={`${statusesDesc}.`}
            categories={labels}
            series={[{ name: 'Statuses', values: statuses }]}
            xLabel="Session (your time)"
            yLabel="Statuses"
          />
        }
        table={
          <DataTable
            caption="Statuses per session"
            columns={['Session', 'Statuses']}
            rows={stats.sessions.map((s, i) => ({ key: s.session.id, cells: [labels[i], s.statuses_count] }))}
          />
        }
      />
    </>
  );
}
