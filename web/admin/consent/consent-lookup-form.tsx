import { useState, type FormEvent } from 'react';
import { SelectField } from '../datamap/fields/select-field.tsx';
import { TextField } from '../text-field.tsx';
import type { ConsentLookup, ConsentSubjectQuery, LookupKind } from './consent-record.ts';
import { subjectOfLookup } from './consent-record.ts';

export interface ConsentLookupFormProps {
  readonly shown: ConsentSubjectQuery | undefined;
  readonly onFind: (subject: ConsentSubjectQuery) => void;
}

const kinds = [
  { value: 'email', label: 'E-mail address' },
  { value: 'personId', label: 'Person id' },
  { value: 'deviceId', label: 'Device id (from the banner)' },
] as const;

const hints: Record<LookupKind, string> = {
  email:
    'Consent given through the portal, marketing lists or staff is kept under the address in lower case.',
  personId: 'The id your systems send with consent through the API or the banner.',
  deviceId: 'The banner keeps it in the visitor’s browser (localStorage privet:consent, deviceId).',
};

/** Names whose consent to show: by e-mail address, person id or device id. */
export function ConsentLookupForm({ shown, onFind }: ConsentLookupFormProps) {
  const [lookup, setLookup] = useState<ConsentLookup>(
    shown === undefined
      ? { kind: 'email', value: '' }
      : { kind: shown.type === 'device' ? 'deviceId' : 'personId', value: shown.id },
  );
  const [error, setError] = useState<string | undefined>(undefined);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const subject = subjectOfLookup(lookup);
    if (subject === undefined) {
      setError('Type what to look up.');
      return;
    }
    setError(undefined);
    onFind(subject);
  }

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label="Find consent records" noValidate>
      <SelectField
        id="consent-lookup-kind"
        label="Look up by"
        value={lookup.kind}
        options={kinds}
        onChange={(kind) => {
          const known = kinds.find((option) => option.value === kind);
          if (known !== undefined) setLookup({ ...lookup, kind: known.value });
        }}
      />
      <TextField
        id="consent-lookup-value"
        label={kinds.find((option) => option.value === lookup.kind)?.label ?? 'Value'}
        type={lookup.kind === 'email' ? 'email' : 'text'}
        autoComplete="off"
        value={lookup.value}
        hint={hints[lookup.kind]}
        error={error}
        onChange={(value) => setLookup({ ...lookup, value })}
      />
      <div className="filters-actions">
        <button className="button" type="submit">
          Find
        </button>
      </div>
    </form>
  );
}
