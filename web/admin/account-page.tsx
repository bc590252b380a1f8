import { useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api-error.ts';
import { PageHeading } from '../shared/page-heading.tsx';
import { useAdmin, useSession } from './admin-context.ts';

// The server's rule; checked here too so that people learn it before sending.
const MIN_PASSWORD_LENGTH = 12;

/** The signed-in person's account: who they are, and a new password (the first admin has none yet). */
export function AccountPage() {
  const { api } = useAdmin();
  const { user } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaved(false);
    if (password !== repeat) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { newPassword: password });
      setPassword('');
      setRepeat('');
      setSaved(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="Your account" titleSuffix="Privet admin" />
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name || '—'}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
      </dl>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Set a new password</h2>
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <form className="stacked-form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="new-password">New password</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              aria-describedby="new-password-hint"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <span id="new-password-hint" className="field-hint">
              At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words make a good one.
            </span>
          </div>
          <div className="field">
            <label htmlFor="repeat-password">Repeat the new password</label>
            <input
              id="repeat-password"
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          </div>
          <div>
            <button className="button" type="submit" disabled={busy}>
              Set password
            </button>
          </div>
        </form>
        <p className="status form-status" role="status">
          {saved ? 'Your new password is set.' : ''}
        </p>
      </section>
    </>
  );
}
