import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { streamUrls, subscribeStream } from '../../api/streaming';

interface UnreadValue {
  unread: number;
}

const UnreadContext = createContext<UnreadValue>({ unread: 0 });

/**
 * Counts notifications arriving on the user stream since the notifications page was last seen.
 * While that page is open (`reading`), nothing counts as unread.
 */
export function UnreadProvider({
  accountId,
  reading,
  children,
}: {
  accountId: string | null;
  reading: boolean;
  children: ReactNode;
}) {
  const [unread, setUnread] = useState(0);
  const readingRef = useRef(reading);
  readingRef.current = reading;

  useEffect(() => {
    if (reading) setUnread(0);
  }, [reading]);

  useEffect(() => {
    setUnread(0);
    if (!accountId) return;
    return subscribeStream(streamUrls.user, {
      onEvent(event) {
        if (event.event === 'notification' && !readingRef.current) setUnread((n) => n + 1);
      },
    });
  }, [accountId]);

  const value = useMemo(() => ({ unread }), [unread]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): number {
  return useContext(UnreadContext).unread;
}
