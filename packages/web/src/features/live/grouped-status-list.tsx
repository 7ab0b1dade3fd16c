import { useMemo } from 'react';
import { StatusCard } from '../status/status-card';
import type { StatusListProps } from '../status/status-list';
import { QuestionCard } from './question-card';
import { groupRoom } from './room-groups';

export interface GroupedStatusListProps extends StatusListProps {
  /** The agenda's text of question n, for cards whose question status is not loaded. */
  agendaText(n: number): string | null;
  showAllAnswers: boolean;
}

/** The room's column: question cards with their answers under them, comments on their own. */
export function GroupedStatusList({
  statuses,
  label = 'Statuses',
  listRef,
  agendaText,
  showAllAnswers,
  renderTools,
  ...card
}: GroupedStatusListProps) {
  const entries = useMemo(() => groupRoom(statuses), [statuses]);
  return (
    <ol className="status-list room-list" aria-label={label} ref={listRef}>
      {entries.map((entry) =>
        entry.type === 'status' ? (
          <li key={entry.status.id} className="status-item">
            <StatusCard status={entry.status} tools={renderTools?.(entry.status)} {...card} />
          </li>
        ) : (
          <li key={`q${entry.number}`} className="status-item question-item">
            <QuestionCard
              number={entry.number}
              question={entry.question}
              answers={entry.answers}
              agendaText={agendaText(entry.number)}
              showAll={showAllAnswers}
              renderTools={renderTools}
              {...card}
            />
          </li>
        ),
      )}
    </ol>
  );
}
