import type { LiveCounters, Question } from '@hashchat/api/entities/live';
import { AgendaList } from './agenda-list';
import { LiveNumbers } from './live-numbers';

/**
 * The session's agenda and live numbers: two open boxes beside the column on wide screens,
 * one folded box above it on a phone (one tap away).
 */
export function LiveInfo({
  questions,
  counters,
  wide,
}: {
  questions: Question[];
  counters: LiveCounters | null;
  wide: boolean;
}) {
  if (wide) {
    return (
      <>
        <details className="aside-box" open>
          <summary>Agenda</summary>
          <AgendaList questions={questions} />
        </details>
        <details className="aside-box" open>
          <summary>Live numbers</summary>
          <LiveNumbers counters={counters} />
        </details>
      </>
    );
  }
  return (
    <details className="aside-box live-info-phone">
      <summary>Agenda &amp; numbers</summary>
      <h3 className="agenda-subtitle">Agenda</h3>
      <AgendaList questions={questions} />
      <h3 className="agenda-subtitle">Live numbers</h3>
      <LiveNumbers counters={counters} />
    </details>
  );
}
