import { describedBy } from './described-by.ts';
import { FieldNotes } from './field-notes.tsx';

export interface CheckboxFieldProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A labelled yes/no, the box before its label. */
export function CheckboxField({ id, label, checked, onChange, hint, error }: CheckboxFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div className="field field-checkbox">
      <span className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          {...(described === undefined ? {} : { 'aria-describedby': described })}
          aria-invalid={error === undefined ? undefined : true}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
