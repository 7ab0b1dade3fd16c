import type { ChatPage } from '@hashchat/api/entities/chat';
import { useState } from 'react';
import { paths } from '../../app/routes';
import { SessionTime } from './session-time';

// The chat this tab has just created, so its page can say so once (not after a reload).
let created: string | null = null;

/** Called by the create form before it opens the new chat's page. */
export function markCreated(chatId: string): void {
  created = chatId;
}

/**
 * The confirmation on a chat's page right after its host created it: what happens next, and
 * the two things to do — prepare in the host console, or start the first session now.
 */
export function CreatedNote({ chat, now }: { chat: ChatPage; now: Date }) {
  const [shown] = useState(() => {
    const mine = created === chat.id;
    if (mine) created = null;
    return mine;
  });
  if (!shown) return null;
  const next = chat.next_session;
  return (
    <section className="created-note" aria-labelledby="created-title">
      <h2 id="created-title">Your chat is created</h2>
      {next ? (
        <p>
          Its first session starts <SessionTime session={next} now={now} />. It is listed in the directory
          now; people who follow it get a reminder before it starts. Everything is posted with{' '}
          <strong>#{chat.hashtag}</strong>.
        </p>
      ) : (
        <p>It has no session yet: edit the chat to give it a schedule.</p>
      )}
      {next && (
        <p className="created-actions">
          <a className="button button-primary" href={paths.console(next.id)}>
            Open host console
          </a>
          <span className="muted">to prepare the questions; or start the session early below.</span>
        </p>
      )}
    </section>
  );
}
