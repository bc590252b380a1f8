import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { KeyCheckboxesField } from '../datamap/fields/key-checkboxes-field.tsx';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import { webhookEventKinds, type WebhookEndpoint } from './webhook.ts';

const kindOptions = webhookEventKinds.map((kind) => ({ value: kind, label: kind }));

/** Adds an endpoint; the secret is typed once, sent once and never shown or sent back. */
export function WebhookForm({ onCreated }: { readonly onCreated: (endpoint: WebhookEndpoint) => void }) {
  const { api } = useAdmin();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      const created = await api.post<WebhookEndpoint>('/api/admin/webhooks', {
        name: name.trim(),
        url: url.trim(),
        secret,
        eventKinds: kinds,
        enabled,
      });
      setName('');
      setUrl('');
      setSecret('');
      setKinds([]);
      setEnabled(true);
      onCreated(created);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The endpoint was not added: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Add a webhook endpoint</h2>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="webhook-name"
          label="Name"
          autoComplete="off"
          required
          value={name}
          error={issues.name}
          onChange={setName}
        />
        <TextField
          id="webhook-url"
          label="URL"
          type="url"
          autoComplete="off"
          required
          hint="An https address that accepts POST requests."
          value={url}
          error={issues.url}
          onChange={setUrl}
        />
        <TextField
          id="webhook-secret"
          label="Signing secret"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 32 characters, such as the output of “openssl rand -hex 32”. It is stored sealed and never shown again: keep it in the receiver."
          value={secret}
          error={issues.secret}
          onChange={setSecret}
        />
        <KeyCheckboxesField
          id="webhook-kinds"
          legend="Event kinds"
          options={kindOptions}
          value={kinds}
          error={issues.eventKinds}
          onChange={setKinds}
        />
        <CheckboxField
          id="webhook-enabled"
          label="Enabled"
          checked={enabled}
          error={issues.enabled}
          onChange={setEnabled}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add endpoint'}
          </button>
        </div>
      </form>
    </section>
  );
}
