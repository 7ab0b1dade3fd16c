import type { Chat } from '@hashchat/api/entities/chat';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { setChatFollowing } from '../../api/chats';

/** Follow a chat to be reminded of its sessions and get them in your calendar feed. */
export function FollowChatButton({ chat, onChange }: { chat: Chat; onChange(chat: Chat): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      onChange(await setChatFollowing(chat.id, !chat.following));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={chat.following ? 'button' : 'button button-primary'}
        onClick={toggle}
        disabled={busy}
      >
        {chat.following ? 'Unfollow chat' : 'Follow chat'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
