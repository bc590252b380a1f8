import { createContext, useContext } from 'react';
import type { ApiClient } from '../shared/api-client.ts';
import type { Session } from './session.ts';

/** What every admin page may use: the session, an API client bound to it, and sign-in/out. */
export interface AdminContextValue {
  readonly session: Session | null;
  readonly api: ApiClient;
  readonly signedIn: (session: Session) => void;
  readonly signOut: () => Promise<void>;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

/** The admin context; only valid inside <AdminApp>. */
export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (value === null) throw new Error('useAdmin() needs <AdminApp> above it');
  return value;
}

/** The signed-in session; only valid on pages behind the sign-in. */
export function useSession(): Session {
  const { session } = useAdmin();
  if (session === null) throw new Error('useSession() needs a signed-in page');
  return session;
}
