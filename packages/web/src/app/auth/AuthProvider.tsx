import { can, type Actor, type Permission } from '@zhizao/domain';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isPasswordExpired, onSessionError, setCsrfToken } from '../api/client.ts';
import { actorOf, fetchSession, postLogin, postLogout, SESSION_KEY, type Session } from './session.ts';

interface Auth {
  session: Session | null;
  actor: Actor | null;
  loading: boolean;
  /** The session could not be read for a reason other than being logged out (server down). */
  loadError: Error | null;
  retry(): void;
  /** Set when the last session ended on the server (idle timeout), for the login page to say so. */
  expired: boolean;
  /** The password must be changed before anything else: menus are hidden, pages lead to the change form. */
  passwordExpired: boolean;
  /** Reads the session again (after changing an expired password), dropping what was read before. */
  refresh(): Promise<void>;
  login(username: string, password: string): Promise<Session>;
  logout(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Forgets everything read under the previous account and installs the new session. The session query
 * itself is updated, not removed: removing it would leave its observers watching a dropped entry.
 */
function replaceSession(queryClient: QueryClient, session: Session | null) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, retry: false, staleTime: Infinity });
  const session = query.data ?? null;

  // Any 401 from any call means the session is gone: forget it and everything read with it. A 403
  // for an expired password (it can expire during a session) keeps the session but shuts the app.
  useEffect(() => {
    onSessionError((error) => {
      if (isPasswordExpired(error)) {
        queryClient.setQueryData<Session | null>(SESSION_KEY, (s) => (s ? { ...s, passwordExpired: true } : s));
        return;
      }
      setCsrfToken(null);
      // The server tells an expired session (its cookie was sent) from never having logged in.
      setExpired(error.code === 'auth.sessionExpired');
      replaceSession(queryClient, null);
    });
    return () => onSessionError(null);
  }, [queryClient]);

  useEffect(() => setCsrfToken(session?.csrfToken ?? null), [session]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await postLogin(username, password);
      setCsrfToken(next.csrfToken);
      replaceSession(queryClient, next);
      setExpired(false);
      return next;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await postLogout().catch(() => undefined);
    setCsrfToken(null);
    replaceSession(queryClient, null);
  }, [queryClient]);

  const refresh = useCallback(async () => replaceSession(queryClient, await fetchSession()), [queryClient]);

  const { refetch } = query;
  const value = useMemo<Auth>(() => {
    const actor = session ? actorOf(session.user) : null;
    return {
      session,
      actor,
      loading: query.isPending,
      loadError: query.error,
      retry: () => void refetch(),
      expired,
      passwordExpired: !!session?.passwordExpired,
      refresh,
      login,
      logout,
      // The domain rule shapes the screen; the server's own list guards against a web build older than it.
      can: (permission) => !!session && !session.passwordExpired && session.permissions.includes(permission) && can(actor, permission),
    };
  }, [session, query.isPending, query.error, refetch, expired, refresh, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The permission check pages and menus use. */
export const useCan = () => useAuth().can;
