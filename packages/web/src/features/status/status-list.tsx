import type { Status } from '@hashchat/api/entities/status';
import type { ReactNode, Ref } from 'react';
import { StatusCard } from './status-card';

export interface StatusListProps {
  statuses: Status[];
  label?: string;
  roomTag?: string;
  listRef?: Ref<HTMLOListElement>;
  onChanged(status: Status): void;
  onRemoved(id: string): void;
  onReplied?(status: Status): void;
  /** Extra controls for each status (see StatusCard's `tools`). */
  renderTools?(status: Status): ReactNode;
}

/** Statuses, newest first, as an ordered list of articles. */
export function StatusList({
  statuses,
  label = 'Statuses',
  roomTag,
  listRef,
  renderTools,
  ...handlers
}: StatusListProps) {
  return (
    <ol className="status-list" aria-label={label} ref={listRef}>
      {statuses.map((status) => (
        <li key={status.id} className="status-item">
          <StatusCard status={status} roomTag={roomTag} tools={renderTools?.(status)} {...handlers} />
        </li>
      ))}
    </ol>
  );
}
