import { describedBy } from './described-by.ts';
import { FieldNotes } from './field-notes.tsx';

/** One choice of a select: the value sent and the words shown. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A labelled choice among fixed options; a value missing from them is kept and shown as it stands. */
export function SelectField({ id, label, value, options, onChange, hint, error }: SelectFieldProps) {
  const described = describedBy(id, hint, error);
  const known = options.some((option) => option.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        {...(described === undefined ? {} : { 'aria-describedby': described })}
        aria-invalid={error === undefined ? undefined : true}
        onChange={(event) => onChange(event.target.value)}
      >
        {!known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
