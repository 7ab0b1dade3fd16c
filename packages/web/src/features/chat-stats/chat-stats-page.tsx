import { paths } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { SessionsCharts } from './sessions-charts';
import { growth, growthSentence } from './stats-model';
import { useChatStats } from './use-chat-stats';
import '../recap/recap.css';

/** A chat's sessions side by side over time, so a host sees whether the chat grows. */
export function ChatStatsPage({ chatId }: { chatId: string }) {
  const state = useChatStats(chatId);
  const stats = state.status === 'ready' ? state.stats : null;
  useTitle(stats ? `#${stats.hashtag} over time` : 'Chat numbers');

  if (!stats) {
    return (
      <section className="column" aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {state.status === 'missing' ? 'Chat not found' : 'Chat numbers'}
        </h1>
        {state.status === 'loading' && <p className="feed-note">Counting…</p>}
        {state.status === 'missing' && (
          <p>
            There is no such chat here. <a href={paths.chats()}>Find one in the directory</a>.
          </p>
        )}
        {state.status === 'error' && (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        )}
      </section>
    );
  }

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
