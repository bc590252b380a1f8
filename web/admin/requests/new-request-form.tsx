import { useState, type FormEvent } from 'react';
import { JURISDICTIONS } from '../../../src/domain/deadlines/jurisdiction.ts';
import { REQUEST_CHANNELS, REQUEST_TYPES } from '../../../src/requests/request-vocabulary.ts';
import { errorMessage } from '../../shared/api-error.ts';
import { Link } from '../../shared/link.tsx';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin } from '../admin-context.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import { channelLabels, jurisdictionLabels, typeLabels } from './request-labels.ts';
import type { DataSubjectRequest } from './request-types.ts';

const STAFF_CHANNELS = REQUEST_CHANNELS.filter((channel) => channel !== 'web' && channel !== 'drp');

interface Draft {
  type: string;
  jurisdiction: string;
  channel: string;
  language: string;
  email: string;
  name: string;
  phone: string;
  receivedOn: string;
  verifiedNote: string;
  note: string;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function bodyOf(draft: Draft): Record<string, unknown> {
  const identity: Record<string, string> = { email: draft.email.trim() };
  if (draft.name.trim() !== '') identity.name = draft.name.trim();
  if (draft.phone.trim() !== '') identity.phone = draft.phone.trim();
  // A date alone means the start of that day in UTC; the deadline rules work in the organisation's zone.
  const receivedAt =
    draft.receivedOn === '' ? undefined : new Date(`${draft.receivedOn}T12:00:00Z`).toISOString();
  return {
    type: draft.type,
    jurisdiction: draft.jurisdiction,
    channel: draft.channel,
    language: draft.language,
    identity,
    ...(receivedAt === undefined ? {} : { receivedAt }),
    ...(draft.note.trim() === '' ? {} : { details: { note: draft.note.trim() } }),
    ...(draft.verifiedNote.trim() === '' ? {} : { verified: { note: draft.verifiedNote.trim() } }),
  };
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Staff entry of a request that came by email, post or phone, with the date it was received. */
export function NewRequestForm() {
  const { api } = useAdmin();
  const [draft, setDraft] = useState<Draft>({
    type: 'access',
    jurisdiction: 'gdpr',
    channel: 'email',
    language: 'en',
    email: '',
    name: '',
    phone: '',
    receivedOn: today(),
    verifiedNote: '',
    note: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<DataSubjectRequest>('/api/admin/requests', bodyOf(draft));
      navigate(`/admin/requests/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setIssues(fieldIssues(failure));
      setBusy(false);
    }
  }

  return (
    <>
      <p className="back-link">
        <Link to="/admin/requests">← Back to the requests</Link>
      </p>
      <PageHeading title="Enter a request" titleSuffix="Privet admin" />
      <p className="lead">
        For a request received by email, post or phone. The deadline runs from the date it was received.
      </p>
      <form className="stacked-form panel panel-wide" onSubmit={(event) => void submit(event)}>
        <Select
          id="new-request-type"
          label="Type"
          value={draft.type}
          options={REQUEST_TYPES.map((type) => [type, typeLabels[type]] as const)}
          onChange={(type) => set({ type })}
        />
        <Select
          id="new-request-jurisdiction"
          label="Jurisdiction"
          value={draft.jurisdiction}
          options={JURISDICTIONS.map((j) => [j, jurisdictionLabels[j]] as const)}
          onChange={(jurisdiction) => set({ jurisdiction })}
        />
        <Select
          id="new-request-channel"
          label="Received by"
          value={draft.channel}
          options={STAFF_CHANNELS.map((channel) => [channel, channelLabels[channel]] as const)}
          onChange={(channel) => set({ channel })}
        />
        <TextField
          id="new-request-received"
          label="Date received"
          type="date"
          required
          value={draft.receivedOn}
          onChange={(receivedOn) => set({ receivedOn })}
          error={issues.receivedAt}
        />
        <TextField
          id="new-request-email"
          label="Person's email"
          type="email"
          required
          value={draft.email}
          onChange={(email) => set({ email })}
          error={issues['identity.email'] ?? issues['identity/email']}
        />
        <TextField
          id="new-request-name"
          label="Person's name"
          value={draft.name}
          onChange={(name) => set({ name })}
        />
        <TextField
          id="new-request-phone"
          label="Phone"
          value={draft.phone}
          onChange={(phone) => set({ phone })}
        />
        <Select
          id="new-request-language"
          label="Language for messages"
          value={draft.language}
          options={[
            ['en', 'English'],
            ['de', 'German'],
          ]}
          onChange={(language) => set({ language })}
        />
        <TextField
          id="new-request-verified"
          label="Identity already verified: how"
          hint="Leave empty to send the person a verification code."
          value={draft.verifiedNote}
          onChange={(verifiedNote) => set({ verifiedNote })}
        />
        <TextField id="new-request-note" label="Note" value={draft.note} onChange={(note) => set({ note })} />
        {error !== null && (
          <p className="alert" role="alert">
            The request could not be entered: {error}
          </p>
        )}
        <div>
          <button className="button" type="submit" disabled={busy}>
            Enter the request
          </button>
        </div>
      </form>
    </>
  );
}
