import type { Status } from '@hashchat/api/entities/status';
import type { StatusListProps } from '../status/status-list';
import { StatusList } from '../status/status-list';

/** Statuses the hosts spotlighted, shown above the column under one word: Spotlighted. */
export function PinnedStatuses({
  statuses,
  roomTag,
  renderTools,
  onChanged,
}: {
  statuses: Status[];
  roomTag: string;
  renderTools?: StatusListProps['renderTools'];
  onChanged(status: Status): void;
}) {
  if (statuses.length === 0) return null;
  return (
    <section className="pinned" aria-labelledby="pinned-title">
      <h2 id="pinned-title" className="pinned-title">
        Spotlighted
      </h2>
      <StatusList
        statuses={statuses}
        label="Spotlighted statuses"
        roomTag={roomTag}
        renderTools={renderTools}
        onChanged={onChanged}
        onRemoved={() => {}}
      />
    </section>
  );
}
