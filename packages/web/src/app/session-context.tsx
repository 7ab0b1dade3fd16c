import type { Account, AuthSession } from '@hashchat/api/entities/account';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { signOut as apiSignOut, getSession } from '../api/auth';
import { useLoad } from './use-load';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; account: Account };

interface SessionValue {
  state: SessionState;
  /** The signed-in account, or null while loading or signed out. */
  account: Account | null;
  setSession(session: AuthSession | null): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  // A session that cannot be read counts as signed out; signing in before it answers wins.
  useLoad(getSession, [], {
    onValue: (session) =>
      setState((now) =>
        now.status !== 'loading'
          ? now
          : session
            ? { status: 'signed-in', account: session.account }
            : { status: 'anonymous' },
      ),
    onError: () => setState((now) => (now.status === 'loading' ? { status: 'anonymous' } : now)),
  });

  const setSession = useCallback((session: AuthSession | null) => {
    setState(session ? { status: 'signed-in', account: session.account } : { status: 'anonymous' });
  }, []);

  const signOut = useCallback(async () => {
    await apiSignOut();
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ state, account: state.status === 'signed-in' ? state.account : null, setSession, signOut }),
    [state, setSession, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * What a page reloads on when the viewer changes: the account, or 'anonymous' — also while the
 * session is still loading, since a page loaded meanwhile was loaded as whoever the cookie says:
 * reading the session to find nobody is signed in must not load the page a second time.
 */
export function viewerKey(state: SessionState): string {
  return state.status === 'signed-in' ? state.account.id : 'anonymous';
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
