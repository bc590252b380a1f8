import { useState, type FormEvent } from 'react';
import type { Role } from '../../../src/domain/roles.ts';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { RoleField } from '../role-field.tsx';
import { TextField } from '../text-field.tsx';
import type { StaffUser } from './staff-user.ts';

interface Draft {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

const EMPTY: Draft = { email: '', name: '', role: 'viewer', password: '' };
const FIELDS: ReadonlySet<string> = new Set(Object.keys(EMPTY));

/** Creates a staff account. The server checks the values; its verdict is shown beside each field. */
export function UserForm({ onCreated }: { readonly onCreated: (user: StaffUser) => void }) {
  const { api } = useAdmin();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    const name = draft.name.trim();
    try {
      const user = await api.post<StaffUser>('/api/admin/users', {
        email: draft.email.trim(),
        role: draft.role,
        ...(name === '' ? {} : { name }),
        ...(draft.password === '' ? {} : { password: draft.password }),
      });
      setDraft(EMPTY);
      onCreated(user);
    } catch (failure) {
      const byField = fieldIssues(failure);
      const fields = Object.keys(byField);
      setIssues(byField);
      // When every problem is shown beside its field, the summary only needs to point there.
      setError(
        fields.length > 0 && fields.every((field) => FIELDS.has(field))
          ? 'The account was not created: see the marked fields.'
          : `The account was not created: ${errorMessage(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a staff account</h2>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {/* noValidate: the server's rules are the ones that count, and its messages name them. */}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="new-user-email"
          label="Email"
          type="email"
          autoComplete="off"
          required
          value={draft.email}
          error={issues.email}
          onChange={(email) => setDraft({ ...draft, email })}
        />
        <TextField
          id="new-user-name"
          label="Name (optional)"
          autoComplete="off"
          value={draft.name}
          error={issues.name}
          onChange={(name) => setDraft({ ...draft, name })}
        />
        <RoleField
          id="new-user-role"
          value={draft.role}
          error={issues.role}
          onChange={(role) => setDraft({ ...draft, role })}
        />
        <TextField
          id="new-user-password"
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Leave it empty and send the person a login link instead."
          value={draft.password}
          error={issues.password}
          onChange={(password) => setDraft({ ...draft, password })}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add account'}
          </button>
        </div>
      </form>
    </section>
  );
}
