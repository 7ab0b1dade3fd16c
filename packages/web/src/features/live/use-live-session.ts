import { type Dispatch, useReducer } from 'react';
import { getLiveState, listQuestions } from '../../api/live';
import { streamUrls } from '../../api/streaming';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import {
  initialLiveSession,
  type LiveSessionAction,
  type LiveSessionState,
  liveSessionReducer,
} from './live-session-state';

/**
 * A session's live state (current question, numbers, pinned statuses, agenda), read once and
 * kept current from the session's stream. The stream is the one the room's column listens
 * to, so both share one connection.
 */
export function useLiveSession(
  sessionId: string,
  /** Listen to the session's curated stream (the room shows highlights): same events, fewer statuses. */
  curated = false,
): [LiveSessionState, Dispatch<LiveSessionAction>] {
  const [state, dispatch] = useReducer(liveSessionReducer, initialLiveSession);

  useStream(streamUrls.session(sessionId, curated), (event) => {
    switch (event.event) {
      case 'chat.question':
        if (event.payload.session_id === sessionId) dispatch({ type: 'question', question: event.payload });
        break;
      case 'chat.spotlight':
        dispatch({ type: 'spotlight', change: event.payload });
        break;
      case 'chat.counters':
        dispatch({ type: 'counters', counters: event.payload });
        break;
      case 'chat.session':
        if (event.payload.id !== sessionId) break;
        dispatch({ type: 'session', session: event.payload });
        // Making the agenda public (or private) changes which questions a participant may read.
        reloadQuestions();
        break;
      case 'update':
        if (event.payload.chat?.kind === 'question' && event.payload.chat.question_number !== null)
          dispatch({ type: 'asked', number: event.payload.chat.question_number });
        break;
    }
  });
  // A session without the live API yet (or a reader not allowed the agenda) still shows its room.
  useLoad(() => getLiveState(sessionId), [sessionId], {
    onValue: (live) => dispatch({ type: 'live', live }),
    onError: () => dispatch({ type: 'live-unavailable' }),
  });
  const reloadQuestions = useLoad(() => listQuestions(sessionId), [sessionId], {
    onValue: (questions) => dispatch({ type: 'questions', questions }),
  });

  return [state, dispatch];
}
