import type { Tag } from '@hashchat/api/entities/tag';
import { recentUses } from '../../api/tags';
import { FollowTagButton } from './follow-tag-button';
import { postsThisWeek } from './post-count';

export interface RoomHeaderProps {
  name: string;
  tag: Tag | null;
  /** Statuses that arrived live since the room opened. */
  arrived: number;
  signedIn: boolean;
  onTagChange(tag: Tag): void;
  /** Replaces the weekly count (a session's room counts its own posts). */
  summary?: string | null;
}

function postCount(tag: Tag | null, arrived: number): string | null {
  return tag ? postsThisWeek(recentUses(tag) + arrived) : null;
}

export function RoomHeader({ name, tag, arrived, signedIn, onTagChange, summary }: RoomHeaderProps) {
  const count = summary ?? postCount(tag, arrived);
  return (
    <header className="room-header">
      <div>
        <h1 className="room-title" id="room-title" tabIndex={-1}>
          #{name}
        </h1>
        <p className="room-count">{count ?? '\u00a0'}</p>
      </div>
      {signedIn && tag && <FollowTagButton tag={tag} onChange={onTagChange} />}
    </header>
  );
}
