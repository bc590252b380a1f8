import { useState } from 'react';
import { errorMessage } from '../shared/api-error.ts';
import { Link } from '../shared/link.tsx';
import { useAdmin } from './admin-context.ts';
import type { SessionUser } from './session.ts';

/** The console's header: product name, who is signed in with which role, and the logout button. */
export function TopBar({ user }: { readonly user: SessionUser }) {
  const { signOut } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function logout(): Promise<void> {
    setBusy(true);
    try {
      await signOut();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <header className="top-bar">
      <Link to="/admin" className="top-bar-brand">
        Privet <span className="top-bar-product">admin</span>
      </Link>
      <div className="top-bar-user">
        <Link to="/admin/account" className="top-bar-name" title={user.email}>
          {user.name || user.email}
          <span className="visually-hidden"> (your account)</span>
        </Link>
        <span className="role-badge">
          <span className="visually-hidden">Role: </span>
          {user.role}
        </span>
        <button className="button button-on-dark" type="button" onClick={() => void logout()} disabled={busy}>
          Log out
        </button>
      </div>
      {error !== null && (
        <p className="alert top-bar-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
