import { useState } from 'react';
import { createChat } from '../../api/chats';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useTitle } from '../../app/use-title';
import { ChatForm } from './chat-form';
import { emptyChatForm } from './chat-form-model';
import { markCreated } from './created-note';
import { viewerTimeZone } from './format-session-time';
import { viewerLanguage } from './languages';

/** Host a chat: claim a hashtag and set when it meets. */
export function NewChatPage() {
  useTitle('Host a chat');
  const { state } = useSession();
  const [initial] = useState(() => emptyChatForm(viewerTimeZone(), viewerLanguage()));

  return (
    <section className="column narrow" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Host a chat
      </h1>
      <p className="page-lead">
        A chat meets at set times under one hashtag. People find it in the directory, follow it, and are
        reminded in their own time zone.
      </p>
      {state.status === 'anonymous' && (
        <p className="prompt">
          <a href={paths.signIn(paths.newChat)}>Sign in</a> or{' '}
          <a href={paths.signUp(paths.newChat)}>create an account</a> to host a chat.
        </p>
      )}
      {state.status === 'signed-in' && (
        <ChatForm
          initial={initial}
          submitLabel="Create chat"
          busyLabel="Creating chat…"
          onSubmit={async (input) => {
            const chat = await createChat(input);
            markCreated(chat.id);
            navigate(paths.chat(chat.id));
          }}
        />
      )}
    </section>
  );
}
