import type { LiveCounters } from '@hashchat/api/entities/live';

const format = new Intl.NumberFormat();

/** The room's live numbers: people reading it, people who posted, posts per minute. */
export function LiveNumbers({ counters }: { counters: LiveCounters | null }) {
  if (!counters) return <p className="muted">Numbers appear once the session is under way.</p>;
  const rows: [string, number][] = [
    ['People in the room', counters.people_in_room],
    ['Participants', counters.participants],
    ['Posts per minute', counters.posts_per_minute],
  ];
  return (
    <dl className="live-numbers">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.format(Math.round(value * 10) / 10)}</dd>
        </div>
      ))}
    </dl>
  );
}
