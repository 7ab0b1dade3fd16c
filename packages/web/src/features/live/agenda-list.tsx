import type { Question } from '@hashchat/api/entities/live';
import { LocalTime } from '../status/local-time';
import { publishedQuestions, questionLabel, upcomingQuestions } from './agenda-model';

/**
 * The agenda for participants: the questions asked so far and, when the host made the agenda
 * public, those still to come, so people who read or write slower can prepare.
 */
export function AgendaList({ questions }: { questions: Question[] }) {
  const asked = publishedQuestions(questions);
  const upcoming = upcomingQuestions(questions);
  if (asked.length === 0 && upcoming.length === 0)
    return <p className="muted">The questions appear here as the hosts ask them.</p>;
  return (
    <>
      {asked.length > 0 && (
        <ol className="agenda-list" aria-label="Questions asked">
          {asked.map((q) => (
            <li key={q.id}>
              <span className="kind-tag kind-question">{questionLabel(q, questions)}</span> {q.text}
            </li>
          ))}
        </ol>
      )}
      {upcoming.length > 0 && (
        <>
          <h3 className="agenda-subtitle">Coming up</h3>
          <ol className="agenda-list agenda-upcoming" aria-label="Questions coming up">
            {upcoming.map((q) => (
              <li key={q.id}>
                <span className="kind-tag">{questionLabel(q, questions)}</span> {q.text}
                {q.publish_at && (
                  <span className="muted">
                    {' '}
                    · about <LocalTime iso={q.publish_at} />
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
