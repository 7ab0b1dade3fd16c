import type { ChatSession } from '@hashchat/api/entities/chat';
import { useState } from 'react';
import { listSessions } from '../../api/chats';
import { useAction } from '../../app/use-action';

const PAGE = 20;

/** Loads a longer list of a chat's upcoming or past sessions than the chat page brings. */
export function MoreSessionsButton({
  chatId,
  which,
  shown,
  onLoaded,
}: {
  chatId: string;
  which: 'upcoming' | 'past';
  shown: number;
  onLoaded(sessions: ChatSession[]): void;
}) {
  const task = useAction();
  const [done, setDone] = useState(false);
  const { busy, error } = task;
  // The chat page brings five of each; fewer means there are no more.
  if (done || shown < 5 || shown >= PAGE) return null;

  async function load() {
    await task.run(async () => {
      onLoaded(await listSessions(chatId, which, PAGE));
      setDone(true);
    });
  }

  return (
    <div className="feed-more">
      <button type="button" className="button" onClick={load} disabled={busy}>
        {busy ? 'Loading…' : which === 'upcoming' ? 'More upcoming sessions' : 'More past sessions'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
