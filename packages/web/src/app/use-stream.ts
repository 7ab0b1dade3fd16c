import type { StreamEvent } from '@hashchat/api/stream-events';
import { useEffect, useRef, useState } from 'react';
import { type StreamState, subscribeStream } from '../api/streaming';

/**
 * Listens to a server stream while mounted (none while `url` is null); components on the same
 * URL share one connection. `onEvent` may change from render to render (it is read through a
 * ref), so it sees the latest props and state. Returns the stream's state for a live dot.
 * Declare it before the read it keeps current: the stream then opens first, and nothing
 * posted between the read and the stream is missed.
 */
export function useStream(url: string | null, onEvent: (event: StreamEvent) => void): StreamState | null {
  const [state, setState] = useState<StreamState | null>(url ? 'connecting' : null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    if (!url) {
      setState(null);
      return;
    }
    return subscribeStream(url, { onEvent: (event) => onEventRef.current(event), onState: setState });
  }, [url]);
  return url ? state : null;
}
