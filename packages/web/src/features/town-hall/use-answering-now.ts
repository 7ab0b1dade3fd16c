import type { Submission } from '@hashchat/api/entities/moderation';
import { useEffect, useState } from 'react';
import { streamUrls, subscribeStream } from '../../api/streaming';
import { listSubmissions } from '../../api/town-hall';

/** The question being answered now in a town-hall session (for views without the question list). */
export function useAnsweringNow(sessionId: string): Submission | null {
  const [current, setCurrent] = useState<Submission | null>(null);
  useEffect(() => {
    let active = true;
    const unsubscribe = subscribeStream(streamUrls.session(sessionId), {
      onEvent(event) {
        if (event.event === 'chat.answering' && event.payload.session_id === sessionId)
          setCurrent(event.payload);
        else if (event.event === 'chat.submission')
          setCurrent((now) => (now?.id === event.payload.id ? null : now));
      },
    });
    listSubmissions(sessionId, 'votes', { state: 'answering', limit: 1 }).then(
      (list) => active && setCurrent((now) => now ?? list[0] ?? null),
      () => {},
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [sessionId]);
  return current;
}
