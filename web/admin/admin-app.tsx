import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, errorMessage } from '../shared/api-error.ts';
import { createApiClient } from '../shared/api-client.ts';
import { navigate } from '../shared/navigate.ts';
import { Redirect } from '../shared/redirect.tsx';
import { useLocation } from '../shared/use-location.ts';
import { AdminContext, type AdminContextValue } from './admin-context.ts';
import { AdminLayout } from './admin-layout.tsx';
import { LoginPage } from './login-page.tsx';
import { safeNext } from './safe-next.ts';
import type { Session } from './session.ts';

const LOGIN_PATH = '/admin/login';

/** The admin console: finds the session, then shows the login page or the signed-in layout. */
export function AdminApp() {
  // undefined while the first /api/auth/session call is on its way.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const sessionRef = useRef<Session | null | undefined>(undefined);
  sessionRef.current = session;
  const { pathname, query } = useLocation();

  const api = useMemo(
    () =>
      createApiClient({
        csrfToken: () => sessionRef.current?.csrfToken ?? null,
        onUnauthenticated: () => setSession(null),
      }),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    api.get<Session>('/api/auth/session', controller.signal).then(setSession, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else setLoadError(errorMessage(error));
    });
    return () => controller.abort();
  }, [api]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      // Signed out either way: a failed call most likely means the session had already ended. One render for
      // both changes, or a render in between would redirect from the login page back into the console.
      flushSync(() => {
        setSession(null);
        navigate(LOGIN_PATH, { replace: true });
      });
    }
  }, [api]);

  const context = useMemo<AdminContextValue>(
    () => ({ session: session ?? null, api, signedIn: setSession, signOut }),
    [session, api, signOut],
  );

  if (loadError !== null) {
    return (
      <main className="centered">
        <p className="alert" role="alert">
          The console could not load: {loadError}
        </p>
      </main>
    );
  }
  if (session === undefined) {
    return (
      <main className="centered">
        <p className="status" role="status">
          Loading…
        </p>
      </main>
    );
  }
  let page;
  if (pathname === LOGIN_PATH) {
    page = session === null ? <LoginPage /> : <Redirect to={safeNext(query.get('next'))} />;
  } else if (session === null) {
    const here = pathname + (query.size > 0 ? `?${query.toString()}` : '');
    page = (
      <Redirect to={here === '/admin' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`} />
    );
  } else {
    page = <AdminLayout session={session} pathname={pathname} />;
  }
  return <AdminContext.Provider value={context}>{page}</AdminContext.Provider>;
}
