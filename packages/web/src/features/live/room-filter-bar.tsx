import { useId } from 'react';
import type { RoomFilter } from '../../api/live';
import { filterKey, parseFilterKey } from './room-filter';

/** Everything, hosts & guests only, or one question's thread. */
export function RoomFilterBar({
  filter,
  numbers,
  onChange,
}: {
  filter: RoomFilter;
  numbers: number[];
  onChange(filter: RoomFilter): void;
}) {
  const id = useId();
  const key = filterKey(filter);
  return (
    <fieldset className="room-filters">
      <legend className="sr-only">Show</legend>
      <button
        type="button"
        className="button filter-button"
        aria-pressed={key === 'all'}
        onClick={() => onChange({ only: 'all' })}
      >
        Everything
      </button>
      <button
        type="button"
        className="button filter-button"
        aria-pressed={key === 'hosts'}
        onClick={() => onChange({ only: 'hosts' })}
      >
        Hosts &amp; guests
      </button>
      <label htmlFor={`${id}-thread`} className="sr-only">
        Question thread
      </label>
      <select
        id={`${id}-thread`}
        value={filter.only === 'question' ? key : ''}
        onChange={(event) => onChange(parseFilterKey(event.target.value))}
      >
        <option value="">All threads</option>
        {numbers.map((n) => (
          <option key={n} value={`q${n}`}>
            Q{n}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
