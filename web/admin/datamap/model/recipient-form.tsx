import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { Recipient } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { withoutKeys } from '../without-keys.ts';
import { useRecordSave } from './use-record-save.ts';

type RecipientDraft = Omit<Recipient, 'key' | 'createdAt' | 'updatedAt' | 'purposeKeys'>;

const roles = [
  { value: 'processor', label: 'Processor (Art. 28): acts on our instructions' },
  { value: 'controller', label: 'Controller: decides for itself' },
  { value: 'joint_controller', label: 'Joint controller (Art. 26)' },
  { value: 'third_party', label: 'Third party' },
] as const;

const empty: RecipientDraft = {
  name: '',
  category: '',
  role: 'processor',
  country: '',
  dpaSignedOn: null,
  contractUrl: '',
  contact: '',
  description: '',
  internalNotes: '',
};
const fieldNames: ReadonlySet<string> = new Set(['key', ...Object.keys(empty)]);

function draftOf(recipient: Recipient): RecipientDraft {
  return withoutKeys(recipient, ['key', 'createdAt', 'updatedAt', 'purposeKeys']);
}

export interface RecipientFormProps {
  readonly recipient: Recipient | null;
  readonly canEdit: boolean;
  readonly onSaved: (recipient: Recipient) => void;
}

/** A recipient: a processor or another party, its country and its contract (DPA). */
export function RecipientForm({ recipient, canEdit, onSaved }: RecipientFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState<RecipientDraft>(recipient === null ? empty : draftOf(recipient));
  const { busy, error, issues, save } = useRecordSave('recipient', fieldNames);
  const set = (change: Partial<RecipientDraft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = { ...draft, name: draft.name.trim(), country: draft.country.trim().toUpperCase() };
    const saved = await save(() =>
      recipient === null
        ? api.post<Recipient>('/api/admin/recipients', { key: key.trim(), ...body })
        : api.put<Recipient>(`/api/admin/recipients/${encodeURIComponent(recipient.key)}`, body),
    );
    if (saved !== null) onSaved(saved);
  }

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!canEdit && <p className="status">Read only: only admins change the data map.</p>}
      <fieldset className="form-fields" disabled={!canEdit}>
        <fieldset className="form-group">
          <legend>The recipient</legend>
          {recipient === null && (
            <TextField
              id="recipient-key"
              label="Key"
              required
              autoComplete="off"
              hint="A fides key: letters, digits, _ . and -, e.g. payment_provider. It cannot be changed later."
              value={key}
              error={issues.key}
              onChange={setKey}
            />
          )}
          <TextField
            id="recipient-name"
            label="Name"
            required
            autoComplete="off"
            value={draft.name}
            error={issues.name}
            onChange={(name) => set({ name })}
          />
          <TextField
            id="recipient-category"
            label="Category"
            hint="As the notice names it, e.g. Payment service provider."
            value={draft.category}
            error={issues.category}
            onChange={(category) => set({ category })}
          />
          <SelectField
            id="recipient-role"
            label="Role"
            value={draft.role}
            options={roles}
            error={issues.role}
            onChange={(value) => set({ role: roles.find((r) => r.value === value)?.value ?? 'processor' })}
          />
          <TextField
            id="recipient-country"
            label="Country"
            required
            autoComplete="off"
            hint="Where it processes the data: ISO 3166 code, two letters, e.g. DE or US."
            value={draft.country}
            error={issues.country}
            onChange={(country) => set({ country })}
          />
        </fieldset>
        <fieldset className="form-group">
          <legend>Contract and contact</legend>
          <TextField
            id="recipient-dpa"
            label="Contract (DPA) signed on"
            type="date"
            value={draft.dpaSignedOn ?? ''}
            error={issues.dpaSignedOn}
            onChange={(value) => set({ dpaSignedOn: value === '' ? null : value })}
          />
          <TextField
            id="recipient-contract-url"
            label="Where the contract is kept"
            value={draft.contractUrl}
            error={issues.contractUrl}
            onChange={(contractUrl) => set({ contractUrl })}
          />
          <TextField
            id="recipient-contact"
            label="Contact"
            value={draft.contact}
            error={issues.contact}
            onChange={(contact) => set({ contact })}
          />
          <TextAreaField
            id="recipient-description"
            label="Description"
            value={draft.description}
            error={issues.description}
            onChange={(description) => set({ description })}
          />
          <TextAreaField
            id="recipient-notes"
            label="Internal notes"
            hint="Never published."
            value={draft.internalNotes}
            error={issues.internalNotes}
            onChange={(internalNotes) => set({ internalNotes })}
          />
        </fieldset>
      </fieldset>
      {canEdit && (
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : recipient === null ? 'Create recipient' : 'Save recipient'}
          </button>
        </div>
      )}
    </form>
  );
}
