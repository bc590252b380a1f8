import { useState, type FormEvent } from 'react';
import { useAdmin } from '../../admin-context.ts';
import { TextField } from '../../text-field.tsx';
import type { Taxonomy } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { useRecordSave } from '../model/use-record-save.ts';
import { kindChoice, taxonomyKindChoices, type TaxonomyKindValue } from './taxonomy-kinds.ts';

const sensitivities = [
  { value: '', label: 'Not sensitive of itself (inherits from its parent)' },
  { value: 'art9', label: 'Special category (Art. 9(1) GDPR)' },
  { value: 'art10', label: 'Criminal offence data (Art. 10 GDPR)' },
] as const;

const fieldNames: ReadonlySet<string> = new Set(['kind', 'key', 'name', 'description', 'sensitivity']);

export interface TaxonomyExtensionFormProps {
  readonly taxonomy: Taxonomy | null;
  readonly onAdded: (key: string) => void;
}

/** Adds a custom key under an existing one: the parent, the new last segment, its name and description. */
export function TaxonomyExtensionForm({ taxonomy, onAdded }: TaxonomyExtensionFormProps) {
  const { api } = useAdmin();
  const [kind, setKind] = useState<TaxonomyKindValue>('data_category');
  const [parent, setParent] = useState('');
  const [segment, setSegment] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [sensitivity, setSensitivity] = useState('');
  const { busy, error, issues, save } = useRecordSave('key', fieldNames);
  const entries = taxonomy?.[kindChoice(kind).list] ?? [];
  const key = parent === '' ? segment.trim() : `${parent}.${segment.trim()}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const body = {
      kind,
      key,
      name: name.trim(),
      description: description.trim(),
      ...(kind === 'data_category' && sensitivity !== '' ? { sensitivity } : {}),
    };
    const added = await save(() => api.post<{ key: string }>('/api/admin/taxonomy/extensions', body));
    if (added === null) return;
    setSegment('');
    setName('');
    setDescription('');
    setSensitivity('');
    onAdded(added.key);
  }

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <fieldset className="form-group">
        <legend>Add a custom key</legend>
        <SelectField
          id="taxonomy-kind"
          label="Vocabulary"
          value={kind}
          options={taxonomyKindChoices}
          error={issues.kind}
          onChange={(value) => {
            setKind(kindChoice(value).value);
            setParent('');
          }}
        />
        <SelectField
          id="taxonomy-parent"
          label="Under"
          hint="Every custom key sits under an existing one, so that reports can roll it up."
          value={parent}
          options={[
            { value: '', label: 'Choose the parent' },
            ...entries.map((entry) => ({ value: entry.key, label: `${entry.key} (${entry.name})` })),
          ]}
          onChange={setParent}
        />
        <TextField
          id="taxonomy-segment"
          label="Key"
          required
          autoComplete="off"
          hint={`Lower-case letters, digits and _. The full key: ${key === '' ? '…' : key}`}
          value={segment}
          error={issues.key}
          onChange={setSegment}
        />
        <TextField
          id="taxonomy-name"
          label="Name"
          required
          autoComplete="off"
          value={name}
          error={issues.name}
          onChange={setName}
        />
        <TextAreaField
          id="taxonomy-description"
          label="Description"
          value={description}
          error={issues.description}
          onChange={setDescription}
        />
        {kind === 'data_category' && (
          <SelectField
            id="taxonomy-sensitivity"
            label="Sensitivity"
            value={sensitivity}
            options={sensitivities}
            error={issues.sensitivity}
            onChange={setSensitivity}
          />
        )}
      </fieldset>
      <div className="form-actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add key'}
        </button>
      </div>
    </form>
  );
}
