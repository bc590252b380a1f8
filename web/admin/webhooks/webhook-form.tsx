import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { KeyCheckboxesField } from '../datamap/fields/key-checkboxes-field.tsx';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import { webhookEventKinds, type WebhookEndpoint } from './webhook.ts';

const kindOptions = webhookEventKinds.map((kind) => ({ value: kind, label: kind }));

export interface WebhookFormProps {
  /** The endpoint being edited; null to add one. */
  readonly editing: WebhookEndpoint | null;
  readonly onSaved: (endpoint: WebhookEndpoint, created: boolean) => void;
  readonly onCancelEdit: () => void;
}

/**
 * Adds an endpoint or changes one (name, URL, event kinds, enabled, optionally a secret of one's own); a
 * secret is typed once, sent once and never shown or sent back.
 */
export function WebhookForm({ editing, onSaved, onCancelEdit }: WebhookFormProps) {
  const { api } = useAdmin();
  const heading = useRef<HTMLHeadingElement>(null);
  // The page gives each endpoint its own form (a `key`), so the fields start from the endpoint being edited
  // and never show the previous one's values for a render.
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [secret, setSecret] = useState('');
  const [kinds, setKinds] = useState<string[]>(editing === null ? [] : [...editing.eventKinds]);
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  useEffect(() => {
    if (editing !== null) heading.current?.focus();
  }, [editing]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    const fields = { name: name.trim(), url: url.trim(), eventKinds: kinds, enabled };
    try {
      const saved =
        editing === null
          ? await api.post<WebhookEndpoint>('/api/admin/webhooks', { ...fields, secret })
          : await api.patch<WebhookEndpoint>(`/api/admin/webhooks/${encodeURIComponent(editing.id)}`, {
              ...fields,
              ...(secret === '' ? {} : { secret }),
            });
      setName('');
      setUrl('');
      setSecret('');
      setKinds([]);
      setEnabled(true);
      onSaved(saved, editing === null);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The endpoint was not ${editing === null ? 'added' : 'saved'}: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading" ref={heading} tabIndex={-1}>
        {editing === null ? 'Add a webhook endpoint' : `Edit the endpoint ${editing.name}`}
      </h2>
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
          label={editing === null ? 'Signing secret' : 'New signing secret'}
          type="password"
          autoComplete="new-password"
          required={editing === null}
          hint={
            editing === null
              ? 'At least 32 characters, such as the output of “openssl rand -hex 32”. It is stored sealed and never shown again: keep it in the receiver.'
              : 'Leave empty to keep the current secret. Or use “Rotate secret” in the table to have Privet make one.'
          }
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
            {busy ? 'Saving…' : editing === null ? 'Add endpoint' : 'Save endpoint'}
          </button>{' '}
          {editing !== null && (
            <button className="button button-secondary" type="button" onClick={onCancelEdit}>
              Cancel editing
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
