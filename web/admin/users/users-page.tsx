import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin } from '../admin-context.ts';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { LoginLinkPanel } from './login-link-panel.tsx';
import type { LoginLink, StaffUser, StaffUserList } from './staff-user.ts';
import { UserForm } from './user-form.tsx';
import { UsersTable } from './users-table.tsx';

interface ShownLink {
  readonly user: StaffUser;
  readonly link: LoginLink;
}

/** Staff accounts: who can sign in to the console with which role; add one; make a login link. */
export function UsersPage() {
  const { api } = useAdmin();
  const { data, loading, error, reload } = useApiGet<StaffUserList>('/api/admin/users');
  const [created, setCreated] = useState<StaffUser | null>(null);
  const [shown, setShown] = useState<ShownLink | null>(null);
  const [linkPending, setLinkPending] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const users = data?.users ?? [];

  function userCreated(user: StaffUser): void {
    setCreated(user);
    reload();
  }

  async function loginLink(user: StaffUser): Promise<void> {
    setLinkPending(user.id);
    setLinkError(null);
    setShown(null);
    try {
      const link = await api.post<LoginLink>(`/api/admin/users/${encodeURIComponent(user.id)}/login-link`);
      setShown({ user, link });
    } catch (failure) {
      setLinkError(`No login link for ${user.email}: ${errorMessage(failure)}`);
    } finally {
      setLinkPending(null);
    }
  }

  return (
    <>
      <PageHeading title="Users" titleSuffix="Privet admin" />
      <p className="lead">
        The staff who can sign in to this console. Roles build on each other: viewers read, operators also
        act, admins also manage accounts and API keys.
      </p>
      {shown !== null && (
        <LoginLinkPanel user={shown.user} link={shown.link} onDismiss={() => setShown(null)} />
      )}
      {linkError !== null && (
        <p className="alert" role="alert">
          {linkError}
        </p>
      )}
      {error !== null && (
        <p className="alert" role="alert">
          The accounts could not be loaded: {error}
        </p>
      )}
      {users.length > 0 && (
        <UsersTable users={users} linkPending={linkPending} onLoginLink={(user) => void loginLink(user)} />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && data === null
            ? 'Loading…'
            : `${created === null ? '' : `Added ${created.email} as ${created.role}. `}${users.length} ${users.length === 1 ? 'account' : 'accounts'}.`}
        </p>
      </div>
      <UserForm onCreated={userCreated} />
    </>
  );
}
