import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { DatasetSummary, Recipient, System } from '../datamap-types.ts';
import { KeyCheckboxesField } from '../fields/key-checkboxes-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { withoutKeys } from '../without-keys.ts';
import { useRecordSave } from './use-record-save.ts';

type SystemDraft = Omit<System, 'key' | 'createdAt' | 'updatedAt'>;

const empty: SystemDraft = {
  name: '',
  description: '',
  businessFunction: '',
  owner: '',
  datasetKeys: [],
  recipientKeys: [],
};
const fieldNames: ReadonlySet<string> = new Set(['key', ...Object.keys(empty)]);

function draftOf(system: System): SystemDraft {
  return withoutKeys(system, ['key', 'createdAt', 'updatedAt']);
}

export interface SystemFormProps {
  readonly system: System | null;
  readonly datasets: readonly DatasetSummary[];
  readonly recipients: readonly Recipient[];
  readonly canEdit: boolean;
  readonly onSaved: (system: System) => void;
}

/** A system (an application or database): who owns it, which datasets it uses, who receives its data. */
export function SystemForm({ system, datasets, recipients, canEdit, onSaved }: SystemFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState<SystemDraft>(system === null ? empty : draftOf(system));
  const { busy, error, issues, save } = useRecordSave('system', fieldNames);
  const set = (change: Partial<SystemDraft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = { ...draft, name: draft.name.trim() };
    const saved = await save(() =>
      system === null
        ? api.post<System>('/api/admin/systems', { key: key.trim(), ...body })
        : api.put<System>(`/api/admin/systems/${encodeURIComponent(system.key)}`, body),
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
          <legend>The system</legend>
          {system === null && (
            <TextField
              id="system-key"
              label="Key"
              required
              autoComplete="off"
              hint="A fides key: letters, digits, _ . and -, e.g. web_shop. It cannot be changed later."
              value={key}
              error={issues.key}
              onChange={setKey}
            />
          )}
          <TextField
            id="system-name"
            label="Name"
            required
            autoComplete="off"
            value={draft.name}
            error={issues.name}
            onChange={(name) => set({ name })}
          />
          <TextAreaField
            id="system-description"
            label="Description"
            value={draft.description}
            error={issues.description}
            onChange={(description) => set({ description })}
          />
          <TextField
            id="system-business-function"
            label="Business function"
            hint="The part of the business that owns it, e.g. Sales or Customer service."
            value={draft.businessFunction}
            error={issues.businessFunction}
            onChange={(businessFunction) => set({ businessFunction })}
          />
          <TextField
            id="system-owner"
            label="Owner"
            hint="The accountable person or team, and how to reach them."
            value={draft.owner}
            error={issues.owner}
            onChange={(owner) => set({ owner })}
          />
        </fieldset>
        <fieldset className="form-group">
          <legend>Data and recipients</legend>
          <KeyCheckboxesField
            id="system-datasets"
            legend="Datasets it uses"
            options={datasets.map((d) => ({ value: d.fidesKey, label: d.name ?? d.fidesKey }))}
            value={draft.datasetKeys}
            error={issues.datasetKeys}
            onChange={(datasetKeys) => set({ datasetKeys })}
          />
          <KeyCheckboxesField
            id="system-recipients"
            legend="Recipients of its data"
            options={recipients.map((r) => ({ value: r.key, label: r.name }))}
            value={draft.recipientKeys}
            error={issues.recipientKeys}
            onChange={(recipientKeys) => set({ recipientKeys })}
          />
        </fieldset>
      </fieldset>
      {canEdit && (
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : system === null ? 'Create system' : 'Save system'}
          </button>
        </div>
      )}
    </form>
  );
}
