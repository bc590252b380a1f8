import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { Purpose, Recipient, System, Taxonomy } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { PurposeBasisFields } from './purpose-basis-fields.tsx';
import { PurposeDataFields } from './purpose-data-fields.tsx';
import {
  emptyPurpose,
  purposeBody,
  purposeDraftOf,
  purposeFieldNames,
  type PurposeDraft,
} from './purpose-draft.ts';
import { taxonomyOptions } from './taxonomy-options.ts';
import { useRecordSave } from './use-record-save.ts';

export interface PurposeFormProps {
  /** The stored purpose, or null for a new one. */
  readonly purpose: Purpose | null;
  readonly taxonomy: Taxonomy | null;
  readonly systems: readonly System[];
  readonly recipients: readonly Recipient[];
  /** False for roles that may only read: the fields are shown, but cannot be changed or saved. */
  readonly canEdit: boolean;
  readonly onSaved: (purpose: Purpose) => void;
}

/** A purpose (processing activity) with everything the record of processing and the notice need from it. */
export function PurposeForm({ purpose, taxonomy, systems, recipients, canEdit, onSaved }: PurposeFormProps) {
  const { api } = useAdmin();
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState<PurposeDraft>(purpose === null ? emptyPurpose : purposeDraftOf(purpose));
  const { busy, error, issues, save } = useRecordSave('purpose', purposeFieldNames);
  const set = (change: Partial<PurposeDraft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = purposeBody(draft);
    const saved = await save(() =>
      purpose === null
        ? api.post<Purpose>('/api/admin/purposes', { key: key.trim(), ...body })
        : api.put<Purpose>(`/api/admin/purposes/${encodeURIComponent(purpose.key)}`, body),
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
          <legend>The purpose</legend>
          {purpose === null && (
            <TextField
              id="purpose-key"
              label="Key"
              required
              autoComplete="off"
              hint="A fides key: letters, digits, _ . and -, e.g. order_fulfilment. It cannot be changed later."
              value={key}
              error={issues.key}
              onChange={setKey}
            />
          )}
          <TextField
            id="purpose-name"
            label="Name"
            required
            autoComplete="off"
            value={draft.name}
            error={issues.name}
            onChange={(name) => set({ name })}
          />
          <TextAreaField
            id="purpose-description"
            label="Description"
            hint="Shown in the notice."
            value={draft.description}
            error={issues.description}
            onChange={(description) => set({ description })}
          />
          <SelectField
            id="purpose-data-use"
            label="Data use"
            value={draft.dataUse}
            options={[
              { value: '', label: 'Choose a data use' },
              ...taxonomyOptions(taxonomy, 'dataUses').map((o) => ({
                ...o,
                label: `${o.label} (${o.value})`,
              })),
            ]}
            error={issues.dataUse}
            onChange={(dataUse) => set({ dataUse })}
          />
          <SelectField
            id="purpose-system"
            label="System"
            value={draft.systemKey ?? ''}
            options={[
              { value: '', label: 'No system' },
              ...systems.map((s) => ({ value: s.key, label: s.name })),
            ]}
            error={issues.systemKey}
            onChange={(value) => set({ systemKey: value === '' ? null : value })}
          />
          <SelectField
            id="purpose-acting-as"
            label="Acting as"
            value={draft.actingAs}
            options={[
              { value: 'controller', label: 'Controller: we decide why and how' },
              { value: 'processor', label: "Processor: on a client's behalf" },
            ]}
            error={issues.actingAs}
            onChange={(value) => set({ actingAs: value === 'processor' ? 'processor' : 'controller' })}
          />
          {draft.actingAs === 'processor' && (
            <SelectField
              id="purpose-on-behalf-of"
              label="On behalf of (the controller)"
              value={draft.onBehalfOf ?? ''}
              options={[
                { value: '', label: 'Not named yet' },
                ...recipients.map((r) => ({ value: r.key, label: r.name })),
              ]}
              error={issues.onBehalfOf}
              onChange={(value) => set({ onBehalfOf: value === '' ? null : value })}
            />
          )}
        </fieldset>
        <PurposeBasisFields draft={draft} set={set} issues={issues} taxonomy={taxonomy} />
        <PurposeDataFields
          draft={draft}
          set={set}
          issues={issues}
          taxonomy={taxonomy}
          recipients={recipients}
        />
      </fieldset>
      {canEdit && (
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : purpose === null ? 'Create purpose' : 'Save purpose'}
          </button>
        </div>
      )}
    </form>
  );
}
