import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import type { DrpAgentView } from './drp-setup.ts';

/** The fields POST /api/admin/drp/agents takes: the spec's directory entry (3.05.1). */
const FIELDS = [
  'id',
  'name',
  'verify_key',
  'web_url',
  'identity_assurance_url',
  'technical_contact',
  'business_contact',
] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const emptyDraft: Draft = {
  id: '',
  name: '',
  verify_key: '',
  web_url: '',
  identity_assurance_url: '',
  technical_contact: '',
  business_contact: '',
};

/** The draft as the API takes it: trimmed, and the optional fields left out when empty. */
function entryOf(draft: Draft): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = draft[field].trim();
    if (value !== '' || field === 'id' || field === 'name' || field === 'verify_key') entry[field] = value;
  }
  return entry;
}

export interface DrpAgentFormProps {
  readonly onAdded: (agent: DrpAgentView) => void;
}

/** Adds an authorized agent with its directory entry; what the server refuses is named next to the field. */
export function DrpAgentForm({ onAdded }: DrpAgentFormProps) {
  const { api } = useAdmin();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  function change(field: Field) {
    return (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      const agent = await api.post<DrpAgentView>('/api/admin/drp/agents', entryOf(draft));
      setDraft(emptyDraft);
      onAdded(agent);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The agent was not added: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-drp-agent-heading">
      <h2 id="new-drp-agent-heading">Add an authorized agent</h2>
      <p className="field-hint">
        An agent added here wins over a directory file entry with the same id, so a rotated key can be pinned
        before the directory catches up.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="drp-agent-id"
          label="Agent id"
          autoComplete="off"
          required
          hint="As in the DRP directory, such as CR_AGENT_001."
          value={draft.id}
          error={issues.id}
          onChange={change('id')}
        />
        <TextField
          id="drp-agent-name"
          label="Name"
          autoComplete="off"
          required
          value={draft.name}
          error={issues.name}
          onChange={change('name')}
        />
        <TextField
          id="drp-agent-verify-key"
          label="Verify key"
          autoComplete="off"
          required
          hint="The agent’s Ed25519 verify key: Base64 as in the directory, or hex, of the raw 32 bytes."
          value={draft.verify_key}
          error={issues.verify_key}
          onChange={change('verify_key')}
        />
        <TextField
          id="drp-agent-web-url"
          label="Web address (optional)"
          type="url"
          autoComplete="off"
          hint="People are sent back only to https addresses on this site after confirming a request."
          value={draft.web_url}
          error={issues.web_url}
          onChange={change('web_url')}
        />
        <TextField
          id="drp-agent-identity-assurance-url"
          label="Identity assurance URL (optional)"
          type="url"
          autoComplete="off"
          value={draft.identity_assurance_url}
          error={issues.identity_assurance_url}
          onChange={change('identity_assurance_url')}
        />
        <TextField
          id="drp-agent-technical-contact"
          label="Technical contact (optional)"
          autoComplete="off"
          value={draft.technical_contact}
          error={issues.technical_contact}
          onChange={change('technical_contact')}
        />
        <TextField
          id="drp-agent-business-contact"
          label="Business contact (optional)"
          autoComplete="off"
          value={draft.business_contact}
          error={issues.business_contact}
          onChange={change('business_contact')}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add agent'}
          </button>
        </div>
      </form>
    </section>
  );
}
