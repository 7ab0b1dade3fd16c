import type { Chat } from '@hashchat/api/entities/chat';
import { setChatFollowing } from '../../api/chats';
import { followClass, ToggleButton } from '../../app/toggle-button';
import { useToggle } from '../../app/use-action';

/** Follow a chat to be reminded of its sessions and get them in your calendar feed. */
export function FollowChatButton({ chat, onChange }: { chat: Chat; onChange(chat: Chat): void }) {
  const toggle = useToggle(Boolean(chat.following), async (next) =>
    onChange(await setChatFollowing(chat.id, next)),
  );
  return (
    <ToggleButton
      toggle={toggle}
      label={{ on: 'Unfollow chat', off: 'Follow chat' }}
      className={followClass}
    />
  );
}
