import type { Recap } from '@hashchat/api/entities/recap';
import { paths } from '../../app/routes';
import { useSession, viewerKey } from '../../app/session-context';
import { UnreadyPage } from '../../app/unready-page';
import { useTitle } from '../../app/use-title';
import { isChatHost } from '../chats/chat-roles';
import { useNow } from '../chats/use-now';
import { AnswersPerQuestionChart, PostsPerMinuteChart } from './activity-charts';
import { LanguageList } from './language-list';
import { PeopleList } from './people-list';
import { PublishRecap } from './publish-recap';
import { RecapDownloads } from './recap-downloads';
import { RecapFigures } from './recap-figures';
import { RecapPolls } from './recap-polls';
import { ResourceList } from './resource-list';
import { SessionSpan, SessionTabs } from './session-span';
import { TopAnswers } from './top-answers';
import { useChat, useRecap } from './use-recap';
import './recap.css';

function StateNote({ recap, onReload }: { recap: Recap; onReload(): void }) {
  if (recap.session.state === 'live')
    return (
      <p className="recap-state" role="status">
        <span className="state-pill state-live">Live</span> These figures grow while the chat runs.{' '}
        <button type="button" className="link-button" onClick={onReload}>
          Count again
        </button>
      </p>
    );
  if (recap.final) return <p className="recap-state muted">Final figures: the session has ended.</p>;
  return <p className="recap-state muted">The session has not started yet.</p>;
}

/** A session's recap: headline figures, charts with tables, top answers, people, resources, downloads. */
export function RecapPage({ sessionId }: { sessionId: string }) {
  const { account, state: viewer } = useSession();
  const [state, reload] = useRecap(sessionId);
  const loaded = state.status === 'ready' ? state.recap : null;
  const chat = useChat(loaded?.session.chat_id ?? null, viewerKey(viewer));
  const now = useNow(60_000);
  useTitle(loaded ? `Recap · ${loaded.session.title}` : 'Recap');

  if (state.status !== 'ready') {
    return (
      <UnreadyPage
        state={state}
        title="Recap"
        missingTitle="Recap not found"
        loading="Counting…"
        missing={
          <>
            There is no such session here. <a href={paths.chats()}>Find a chat in the directory</a>.
          </>
        }
      />
    );
  }

  const recap = state.recap;
  const session = recap.session;
  const tag = session.hashtag ?? chat?.hashtag;
  const host = chat !== null && isChatHost(account?.id, chat);
  const definition = (key: string) => recap.definitions[key];
  return (
    <article className="column session-doc recap-page" aria-labelledby="page-title">
      <header className="chat-head session-doc-head">
        <p className="eyebrow">
          Recap
          {tag && (
            <>
              {' · '}
              <a href={paths.room(tag)}>#{tag}</a>
            </>
          )}
          {' · '}
          <a href={paths.chat(session.chat_id)}>{session.chat_title ?? chat?.title ?? 'About the chat'}</a>
        </p>
        <h1 id="page-title" tabIndex={-1}>
          {session.title}
        </h1>
        <SessionSpan recap={recap} />
        <StateNote recap={recap} onReload={reload} />
        <SessionTabs sessionId={session.id} chatId={session.chat_id} current="recap" />
      </header>

      <PublishRecap recap={recap} host={host} acct={account?.acct ?? null} />

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">In numbers</h2>
        <RecapFigures recap={recap} />
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title">Activity</h2>
        <PostsPerMinuteChart recap={recap} />
        <AnswersPerQuestionChart recap={recap} />
      </section>

      {recap.polls.length > 0 && (
        <section aria-labelledby="polls-title">
          <h2 id="polls-title">Polls</h2>
          <RecapPolls polls={recap.polls} now={now} />
        </section>
      )}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">Top answers</h2>
        {definition('top_answers') && <p className="muted">{definition('top_answers')}</p>}
        <TopAnswers answers={recap.top_answers} tag={tag} />
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        <div className="recap-columns">
          <div>
            <h3 id="active-title">Most active</h3>
            <PeopleList
              label="Most active"
              people={recap.top_participants.map((p) => ({ account: p.account, count: p.statuses_count }))}
              unit={['status', 'statuses']}
              empty="Nobody has posted yet."
            />
          </div>
          <div>
            <h3 id="mentioned-title">Most mentioned</h3>
            <PeopleList
              label="Most mentioned"
              people={recap.most_mentioned.map((p) => ({ account: p.account, count: p.mentions_count }))}
              unit={['mention', 'mentions']}
              empty="Nobody was mentioned."
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="resources-title">
        <h2 id="resources-title">Resources shared</h2>
        {definition('links') && <p className="muted">{definition('links')}</p>}
        <ResourceList links={recap.links} />
      </section>

      <section aria-labelledby="languages-title">
        <h2 id="languages-title">Languages</h2>
        <LanguageList languages={recap.languages} />
      </section>

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">Transcript and downloads</h2>
        <RecapDownloads recap={recap} />
      </section>
    </article>
  );
}
