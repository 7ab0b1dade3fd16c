import { paths } from '../../app/routes';
import { UnreadyPage } from '../../app/unready-page';
import { useTitle } from '../../app/use-title';
import { SessionsCharts } from './sessions-charts';
import { growth, growthSentence } from './stats-model';
import { useChatStats } from './use-chat-stats';
import '../recap/recap.css';

/** A chat's sessions side by side over time, so a host sees whether the chat grows. */
export function ChatStatsPage({ chatId }: { chatId: string }) {
  const state = useChatStats(chatId);
  useTitle(state.status === 'ready' ? `#${state.stats.hashtag} over time` : 'Chat numbers');

  if (state.status !== 'ready') {
    return (
      <UnreadyPage
        state={state}
        title="Chat numbers"
        missingTitle="Chat not found"
        loading="Counting…"
        missing={
          <>
            There is no such chat here. <a href={paths.chats()}>Find one in the directory</a>.
          </>
        }
      />
    );
  }

  const stats = state.stats;
  const g = growth(stats.sessions);
  return (
    <article className="column recap-page" aria-labelledby="page-title">
      <header className="chat-head">
        <p className="eyebrow">
          Numbers · <a href={paths.room(stats.hashtag)}>#{stats.hashtag}</a>
        </p>
        <h1 id="page-title" tabIndex={-1}>
          #{stats.hashtag} over time
        </h1>
        <nav aria-label="This chat" className="recap-nav">
          <a href={paths.chat(stats.chat_id)}>About the chat</a>
        </nav>
      </header>
      {g ? (
        <>
          <p className="recap-lead">{growthSentence(g)}</p>
          <SessionsCharts stats={stats} />
          {stats.definitions.participants && (
            <p className="muted">Participants: {stats.definitions.participants}</p>
          )}
          <p className="muted">Open a session in the table for its recap.</p>
        </>
      ) : (
        <p className="feed-empty">
          No session has run yet. The numbers appear here once the first session goes live.
        </p>
      )}
    </article>
  );
}
