import type { Recap } from '@hashchat/api/entities/recap';
import { zoneAbbreviation } from '../chats/format-session-time';
import { fullTime } from '../status/format-time';
import { BarChart } from './bar-chart';
import { ChartFigure } from './chart-figure';
import { DataTable } from './data-table';
import { answerRows, clockTime, minuteRows, plural } from './recap-model';

/** Posts per minute over the session, the peak marked; times in the viewer's zone. */
export function PostsPerMinuteChart({ recap }: { recap: Recap }) {
  const { rows, peak } = minuteRows(recap);
  const first = recap.posts_per_minute[0];
  const zone = first ? zoneAbbreviation(new Date(first.at)) : '';
  const peakRow = peak === null ? null : rows[peak];
  const span = rows.length > 0 ? `from ${rows[0].label} to ${rows[rows.length - 1].label} ${zone}` : '';
  const busiest = peakRow
    ? `; the busiest was ${peakRow.label} with ${plural(peakRow.value, 'post', 'posts')}`
    : '';
  const description =
    rows.length === 0 ? 'No posts yet.' : `${plural(rows.length, 'minute', 'minutes')} ${span}${busiest}.`;
  return (
    <ChartFigure
      heading="Posts per minute"
      note={`${recap.definitions.posts_per_minute ?? ''} Times in your zone (${zone}).`.trim()}
      chart={
        <BarChart
          title="Posts per minute"
          description={description}
          categories={rows.map((r) => r.label)}
          series={[{ name: 'Posts', values: rows.map((r) => r.value) }]}
          xLabel={`Minute (${zone})`}
          yLabel="Posts"
          highlight={peak === null ? null : { index: peak, label: 'Peak' }}
        />
      }
      table={
        <DataTable
          caption={`Posts per minute (times in ${zone})`}
          columns={['Minute', 'Posts']}
          rows={recap.posts_per_minute.map((m, i) => ({
            key: String(m.minute),
            cells: [
              <time key="t" dateTime={m.at} title={fullTime(new Date(m.at))}>
                {clockTime(m.at)}
              </time>,
              i === peak ? `${m.count} (peak)` : m.count,
            ],
          }))}
        />
      }
    />
  );
}

/** How many answers each question got, questions without answers included. */
export function AnswersPerQuestionChart({ recap }: { recap: Recap }) {
  const rows = answerRows(recap);
  const description =
    rows.length === 0
      ? 'No questions were asked or answered.'
      : `${rows.map((r) => `${r.label}: ${plural(r.value, 'answer', 'answers')}`).join(', ')}.`;
  return (
    <ChartFigure
      heading="Answers per question"
      chart={
        <BarChart
          title="Answers per question"
          description={description}
          categories={rows.map((r) => r.label)}
          series={[{ name: 'Answers', values: rows.map((r) => r.value) }]}
          xLabel="Question"
          yLabel="Answers"
        />
      }
      table={
        <DataTable
          caption="Answers per question"
          columns={['Question', 'Answers']}
          rows={recap.answers_per_question.map((a) => ({
            key: String(a.question_number),
            cells: [`Question ${a.question_number}`, a.count],
          }))}
        />
      }
    />
  );
}
