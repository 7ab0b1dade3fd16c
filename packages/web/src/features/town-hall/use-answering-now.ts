import type { Submission } from '@hashchat/api/entities/moderation';
import { useState } from 'react';
import { listSubmissions } from '../../api/town-hall';
import { useResource } from '../../app/use-resource';
import { useStream } from '../../app/use-stream';
import { useSessionStreamUrl } from '../live/room-stream';

/** The question being answered now in a town-hall session (for views without the question list). */
export function useAnsweringNow(sessionId: string): Submission | null {
  // What the stream said for which session (undefined: nothing yet, the read's answer holds).
  const [streamed, setStreamed] = useState<{ sessionId: string; current: Submission | null }>();
  useStream(useSessionStreamUrl(sessionId), (event) => {
    if (event.event === 'chat.answering' && event.payload.session_id === sessionId)
      setStreamed({ sessionId, current: event.payload });
    else if (event.event === 'chat.submission' && event.payload.id === current?.id)
      setStreamed({ sessionId, current: null });
  });
  const read = useResource(
    () => listSubmissions(sessionId, 'votes', { state: 'answering', limit: 1 }),
    [sessionId],
    { reset: true },
  );
  const current = streamed?.sessionId === sessionId ? streamed.current : (read.value?.[0] ?? null);
  return current;
}
