import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { ConnectionView, DatasetSummary } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { useRecordSave } from '../model/use-record-save.ts';

const fieldNames: ReadonlySet<string> = new Set(['name', 'url', 'datasetKey']);

export interface ConnectionFormProps {
  readonly datasets: readonly DatasetSummary[];
  readonly onCreated: (connection: ConnectionView) => void;
}

/** Adds a connection. The URL is stored sealed; the server never shows its password again. */
export function ConnectionForm({ datasets, onCreated }: ConnectionFormProps) {
  const { api } = useAdmin();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [datasetKey, setDatasetKey] = useState('');
  const { busy, error, issues, save } = useRecordSave('connection', fieldNames);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const created = await save(() =>
      api.post<ConnectionView>('/api/admin/connections', {
        name: name.trim(),
        url: url.trim(),
        ...(datasetKey === '' ? {} : { datasetKey }),
      }),
    );
    if (created === null) return;
    setName('');
    setUrl('');
    setDatasetKey('');
    onCreated(created);
  }

  return (
    <section className="panel" aria-labelledby="new-connection-heading">
      <h2 id="new-connection-heading">Add a connection</h2>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="new-connection-name"
          label="Name"
          required
          autoComplete="off"
          value={name}
          error={issues.name}
          onChange={setName}
        />
        <TextField
          id="new-connection-url"
          label="Connection URL"
          required
          autoComplete="off"
          hint="postgres://user:password@host:5432/db, mysql://…, sqlite:/path/to/file.db or redis://…. The password is stored encrypted and never shown again."
          value={url}
          error={issues.url}
          onChange={setUrl}
        />
        <SelectField
          id="new-connection-dataset"
          label="Dataset (optional)"
          hint="The dataset that describes this database."
          value={datasetKey}
          options={[
            { value: '', label: 'None yet' },
            ...datasets.map((d) => ({ value: d.fidesKey, label: d.fidesKey })),
          ]}
          error={issues.datasetKey}
          onChange={setDatasetKey}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add connection'}
          </button>
        </div>
      </form>
    </section>
  );
}
