import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import { useApiGet } from '../../use-api-get.ts';
import type { RecipientList, SystemList, Transfer } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { useRecordSave } from '../model/use-record-save.ts';
import { safeguardOptions } from './safeguard-options.ts';

interface TransferDraft {
  readonly recipientKey: string;
  readonly systemKey: string;
  readonly destinationCountry: string;
  readonly safeguard: string;
  readonly safeguardReference: string;
}

const fieldNames: ReadonlySet<string> = new Set([
  'recipientKey',
  'systemKey',
  'destinationCountry',
  'safeguard',
  'safeguardReference',
]);

function draftOf(transfer: Transfer | null): TransferDraft {
  return {
    recipientKey: transfer?.recipientKey ?? '',
    systemKey: transfer?.systemKey ?? '',
    destinationCountry: transfer?.destinationCountry ?? '',
    safeguard: transfer?.safeguard ?? '',
    safeguardReference: transfer?.safeguardReference ?? '',
  };
}

export interface TransferFormProps {
  readonly transfer: Transfer | null;
  readonly canEdit: boolean;
  readonly onSaved: (transfer: Transfer) => void;
}

/** A transfer to a third country: to which recipient, from which system, where to, and on what safeguard. */
export function TransferForm({ transfer, canEdit, onSaved }: TransferFormProps) {
  const { api } = useAdmin();
  const recipients = useApiGet<RecipientList>('/api/admin/recipients').data?.recipients ?? [];
  const systems = useApiGet<SystemList>('/api/admin/systems').data?.systems ?? [];
  const [draft, setDraft] = useState<TransferDraft>(draftOf(transfer));
  const { busy, error, issues, save } = useRecordSave('transfer', fieldNames);
  const set = (change: Partial<TransferDraft>) => setDraft((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = {
      recipientKey: draft.recipientKey,
      systemKey: draft.systemKey === '' ? null : draft.systemKey,
      destinationCountry: draft.destinationCountry.trim().toUpperCase(),
      safeguard: draft.safeguard === '' ? null : draft.safeguard,
      safeguardReference: draft.safeguardReference.trim(),
    };
    const saved = await save(() =>
      transfer === null
        ? api.post<Transfer>('/api/admin/transfers', body)
        : api.put<Transfer>(`/api/admin/transfers/${encodeURIComponent(transfer.id)}`, body),
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
          <legend>Where the data goes</legend>
          <SelectField
            id="transfer-recipient"
            label="Recipient"
            value={draft.recipientKey}
            options={[
              { value: '', label: 'Choose a recipient' },
              ...recipients.map((r) => ({ value: r.key, label: `${r.name} (${r.country})` })),
            ]}
            error={issues.recipientKey}
            onChange={(recipientKey) => {
              const country = recipients.find((r) => r.key === recipientKey)?.country;
              set({
                recipientKey,
                ...(draft.destinationCountry === '' && country ? { destinationCountry: country } : {}),
              });
            }}
          />
          <SelectField
            id="transfer-system"
            label="From the system (optional)"
            value={draft.systemKey}
            options={[
              { value: '', label: 'Any system' },
              ...systems.map((s) => ({ value: s.key, label: s.name })),
            ]}
            error={issues.systemKey}
            onChange={(systemKey) => set({ systemKey })}
          />
          <TextField
            id="transfer-country"
            label="Destination country"
            required
            autoComplete="off"
            hint="ISO 3166 code, two letters, e.g. US or IN."
            value={draft.destinationCountry}
            error={issues.destinationCountry}
            onChange={(destinationCountry) => set({ destinationCountry })}
          />
        </fieldset>
        <fieldset className="form-group">
          <legend>What makes it lawful</legend>
          <SelectField
            id="transfer-safeguard"
            label="Safeguard"
            value={draft.safeguard}
            options={safeguardOptions}
            error={issues.safeguard}
            onChange={(safeguard) => set({ safeguard })}
          />
          <TextAreaField
            id="transfer-reference"
            label="Safeguard reference"
            hint="The decision, clauses or derogation relied on, e.g. SCC 2021/914 module 2."
            value={draft.safeguardReference}
            error={issues.safeguardReference}
            onChange={(safeguardReference) => set({ safeguardReference })}
          />
        </fieldset>
      </fieldset>
      {canEdit && (
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : transfer === null ? 'Create transfer' : 'Save transfer'}
          </button>
        </div>
      )}
    </form>
  );
}
