import type { Chat } from '@hashchat/api/entities/chat';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { deleteChat, updateChat } from '../../api/chats';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { ChatForm } from './chat-form';
import { chatFormFromChat, chatInputFromForm, chatPatch } from './chat-form-model';
import { isChatHost } from './chat-roles';
import { useChatPage } from './use-chat-page';

function DeleteChat({ id }: { id: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    try {
      await deleteChat(id);
      navigate(paths.chats(), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <section aria-labelledby="delete-title" className="danger-zone">
      <h2 id="delete-title">Delete this chat</h2>
      <p>Its sessions go with it and its hashtag is free for others to claim. The posts in the room stay.</p>
      {confirming ? (
        <span className="confirm">
          <button type="button" className="button button-danger" onClick={remove}>
            Yes, delete the chat
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Delete chat
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** What the chat's Group shares with its followers on the fediverse, saved as soon as it is chosen. */
function FediverseSharing({ chat }: { chat: Chat }) {
  const [value, setValue] = useState(chat.fediverse_announces);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  async function choose(next: Chat['fediverse_announces']) {
    const before = value;
    setValue(next);
    setState('saving');
    setError(null);
    try {
      await updateChat(chat.id, { fediverse_announces: next });
      setState('saved');
    } catch (err) {
      setValue(before);
      setState('idle');
      setError(errorMessage(err));
    }
  }
  return (
    <section aria-labelledby="fediverse-share-title">
      <h2 id="fediverse-share-title">On the fediverse</h2>
      <p>
        People follow this chat from Mastodon and other apps as <strong>@{chat.fediverse_handle}</strong>.
        During a session it shares with them:
      </p>
      <fieldset className="mod-choice">
        <legend className="sr-only">What the chat shares</legend>
        {(
          [
            ['all', 'Every status in the room, questions and answers'],
            ['questions', 'Only the questions'],
          ] as const
        ).map(([option, label]) => (
          <label key={option}>
            <input
              type="radio"
              name="fediverse_announces"
              value={option}
              checked={value === option}
              disabled={state === 'saving'}
              onChange={() => choose(option)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <p className="field-hint" role="status">
        {state === 'saved' ? 'Saved.' : ''}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Hosts change a chat: its words, category, language and schedule (future sessions follow). */
export function EditChatPage({ id }: { id: string }) {
  useTitle('Edit chat');
  const { state: session, account } = useSession();
  const [state] = useChatPage({ id }, viewerKey(session));
  const chat = state.status === 'ready' ? state.page : null;

  return (
    <section className="column narrow" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {chat ? `Edit “${chat.title}”` : 'Edit chat'}
      </h1>
      {state.status === 'loading' && <p className="feed-note">Loading…</p>}
      {state.status === 'missing' && <p>There is no such chat here.</p>}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {chat && !isChatHost(account?.id, chat) && (
        <p className="prompt">
          Only the hosts of this chat can change it. <a href={paths.chat(chat.id)}>Back to the chat</a>
        </p>
      )}
      {chat && isChatHost(account?.id, chat) && (
        <>
          <p className="page-lead">
            <a href={paths.chat(chat.id)}>Back to the chat</a>. A new schedule replaces the sessions still to
            come.
          </p>
          <ChatForm
            key={chat.id}
            initial={chatFormFromChat(chat)}
            editing
            submitLabel="Save changes"
            busyLabel="Saving…"
            onSubmit={async (input) => {
              const patch = chatPatch(chatInputFromForm(chatFormFromChat(chat)), input);
              if (Object.keys(patch).length > 0) await updateChat(chat.id, patch);
              navigate(paths.chat(chat.id));
            }}
          />
          {chat.fediverse_handle && <FediverseSharing chat={chat} />}
          <DeleteChat id={chat.id} />
        </>
      )}
    </section>
  );
}
