import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { streamUrls } from '../../api/streaming';
import { useStream } from '../../app/use-stream';

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

  useEffect(() => {
    if (reading) setUnread(0);
  }, [reading]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another account starts from nothing
  useEffect(() => setUnread(0), [accountId]);

  useStream(accountId ? streamUrls.user : null, (event) => {
    if (event.event === 'notification' && !reading) setUnread((n) => n + 1);
  });

  const value = useMemo(() => ({ unread }), [unread]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): number {
  return useContext(UnreadContext).unread;
}
