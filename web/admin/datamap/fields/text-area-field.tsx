import { describedBy } from './described-by.ts';
import { FieldNotes } from './field-notes.tsx';

export interface TextAreaFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A labelled multi-line text with an optional hint and error, both tied to it for screen readers. */
export function TextAreaField({ id, label, value, onChange, rows = 3, hint, error }: TextAreaFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={rows}
        {...(described === undefined ? {} : { 'aria-describedby': described })}
        aria-invalid={error === undefined ? undefined : true}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
