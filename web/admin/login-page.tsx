import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api-error.ts';
import { PageHeading } from '../shared/page-heading.tsx';
import { useLocation } from '../shared/use-location.ts';
import { useAdmin } from './admin-context.ts';
import type { Session } from './session.ts';

/** Sign-in with email and password, or at once with the one-time link printed on first start (?token=). */
export function LoginPage() {
  const { api, signedIn } = useAdmin();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linkToken = useRef(query.get('token'));
  const linkTried = useRef(false);

  useEffect(() => {
    const token = linkToken.current;
    // A login link works once: never send it twice, even when React runs effects twice in development.
    if (token === null || linkTried.current) return;
    linkTried.current = true;
    // Keep the token out of the address bar and the history.
    const rest = new URLSearchParams(window.location.search);
    rest.delete('token');
    window.history.replaceState(
      null,
      '',
      window.location.pathname + (rest.size > 0 ? `?${rest.toString()}` : ''),
    );
    setBusy(true);
    api.post<Session>('/api/auth/login-link', { token }).then(signedIn, (failure: unknown) => {
      setError(
        `The sign-in link did not work: ${errorMessage(failure)} Sign in with your email and password.`,
      );
      setBusy(false);
    });
  }, [api, signedIn]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.post<Session>('/api/auth/login', { email, password }));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <div className="login-card">
        <p className="login-brand" aria-hidden="true">
          Privet
        </p>
        <PageHeading title="Sign in" titleSuffix="Privet admin">
          Sign in to the admin console
        </PageHeading>
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <form className="login-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
