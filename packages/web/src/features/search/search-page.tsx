import type { Chat } from '@hashchat/api/entities/chat';
import type { SearchResults } from '@hashchat/api/entities/search';
import type { Status } from '@hashchat/api/entities/status';
import { useCallback, useEffect, useState } from 'react';
import { searchChats } from '../../api/chats';
import { search } from '../../api/search';
import { recentUses } from '../../api/tags';
import { paths } from '../../app/routes';
import { SearchBox } from '../../app/site-header';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { LoadError, Skeleton } from '../../app/waiting';
import { tagFromInput } from '../landing/tag-input';
import { postsThisWeek } from '../room/post-count';
import { Avatar, displayName } from '../status/avatar';
import { StatusList } from '../status/status-list';
import { replaceStatus } from '../status/timeline-state';

interface Found {
  results: SearchResults;
  chats: Chat[];
}

function ChatResults({ chats }: { chats: Chat[] }) {
  return (
    <section aria-labelledby="search-chats">
      <h2 id="search-chats">Chats</h2>
      <ul className="result-list">
        {chats.map((chat) => (
          <li key={chat.id}>
            <a className="result" href={paths.chat(chat.id)}>
              <span className="result-main">{chat.title}</span>
              <span className="result-sub">
                #{chat.hashtag}
                {chat.hosts.length > 0 && ` · hosted by ${chat.hosts.map((h) => displayName(h)).join(', ')}`}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ found: { results, chats }, q }: { found: Found; q: string }) {
  const [statuses, setStatuses] = useState(results.statuses);
  useEffect(() => setStatuses(results.statuses), [results]);
  const onChanged = useCallback((status: Status) => setStatuses((list) => replaceStatus(list, status)), []);
  const onRemoved = useCallback((id: string) => setStatuses((list) => list.filter((s) => s.id !== id)), []);
  // A hashtag that is a chat's leads to the chat, listed first, rather than to a bare room.
  const chatTags = new Set(chats.map((c) => c.hashtag.toLowerCase()));
  const hashtags = results.hashtags.filter((t) => !chatTags.has(t.name.toLowerCase()));
  const typedTag = tagFromInput(q);
  const showTypedTag =
    typedTag &&
    !chatTags.has(typedTag.toLowerCase()) &&
    !hashtags.some((t) => t.name.toLowerCase() === typedTag.toLowerCase());
  const nothing = chats.length + results.accounts.length + hashtags.length + statuses.length === 0;

  return (
    <>
      {chats.length > 0 && <ChatResults chats={chats} />}
      {(hashtags.length > 0 || showTypedTag) && (
        <section aria-labelledby="search-tags">
          <h2 id="search-tags">Hashtags</h2>
          <ul className="result-list">
            {showTypedTag && (
              <li>
                <a className="result" href={paths.room(typedTag)}>
                  <span className="result-main">#{typedTag}</span>
                  <span className="result-sub">Open the room</span>
                </a>
              </li>
            )}
            {hashtags.map((tag) => (
              <li key={tag.name}>
                <a className="result" href={paths.room(tag.name)}>
                  <span className="result-main">#{tag.name}</span>
                  <span className="result-sub">{postsThisWeek(recentUses(tag))}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results.accounts.length > 0 && (
        <section aria-labelledby="search-people">
          <h2 id="search-people">People</h2>
          <ul className="result-list">
            {results.accounts.map((account) => (
              <li key={account.id}>
                <a className="result" href={paths.profile(account.acct)}>
                  <Avatar account={account} />
                  <span className="result-main">{displayName(account)}</span>
                  <span className="result-sub">@{account.acct}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {statuses.length > 0 && (
        <section aria-labelledby="search-statuses">
          <h2 id="search-statuses">Posts</h2>
          <StatusList statuses={statuses} onChanged={onChanged} onRemoved={onRemoved} />
        </section>
      )}
      {nothing && !showTypedTag && <p className="feed-empty">Nothing found for “{q}”.</p>}
    </>
  );
}

/** Hashtags, people and posts matching `q`. */
export function SearchPage({ q }: { q: string }) {
  useTitle(q ? `Search: ${q}` : 'Search');
  const term = q.trim();
  // A new term blanks the old results (`reset`): they answer another question.
  const resource = useResource<Found | null>(
    async () => {
      if (!term) return null;
      const [results, chats] = await Promise.all([search(term), searchChats(term)]);
      return { results, chats };
    },
    [term],
    { reset: true },
  );
  const results = resource.value ?? null;
  const error = resource.error;

  return (
    <section className="column" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {q ? `Results for “${q}”` : 'Search'}
      </h1>
      <SearchBox route={{ name: 'search', q }} id="page-search-q" className="page-search" />
      {!q.trim() && <p>Search for chats, hashtags, people and posts.</p>}
      {error && <LoadError error={error} onRetry={resource.refresh} />}
      {resource.loading && term && <Skeleton kind="lines" />}
      {results && <Results found={results} q={q.trim()} />}
    </section>
  );
}
