import { useState, type FormEvent } from 'react';
import type { Role } from '../../../src/domain/roles.ts';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { RoleField } from '../role-field.tsx';
import { TextField } from '../text-field.tsx';
import type { NewApiKey } from './api-key.ts';

/** Creates an API key for a script or another system; the caller shows the key once. */
export function ApiKeyForm({ onCreated }: { readonly onCreated: (key: NewApiKey) => void }) {
  const { api } = useAdmin();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      const created = await api.post<NewApiKey>('/api/admin/api-keys', { name: name.trim(), role });
      setName('');
      setRole('viewer');
      onCreated(created);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The key was not created: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">Create an API key</h2>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="new-key-name"
          label="Name"
          autoComplete="off"
          required
          hint="What uses the key, such as “nightly export”: the audit log names it."
          value={name}
          error={issues.name}
          onChange={setName}
        />
        <RoleField id="new-key-role" value={role} error={issues.role} onChange={setRole} />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </section>
  );
}
