import type { SelectOption } from './select-field.tsx';

export interface KeyCheckboxesFieldProps {
  readonly id: string;
  readonly legend: string;
  readonly options: readonly SelectOption[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A short list of records to pick several of (datasets of a system, recipients of a purpose). */
export function KeyCheckboxesField({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
}: KeyCheckboxesFieldProps) {
  // Keys the record holds but the list lacks (a deleted recipient) stay visible, so saving does not drop them
  // unseen.
  const unknown = value.filter((key) => !options.some((option) => option.value === key));
  const all = [...options, ...unknown.map((key) => ({ value: key, label: `${key} (unknown)` }))];
  function toggle(key: string, on: boolean): void {
    onChange(on ? [...value, key] : value.filter((held) => held !== key));
  }
  return (
    <fieldset
      className="field checkbox-group"
      aria-invalid={error === undefined ? undefined : true}
      {...(error === undefined ? {} : { 'aria-describedby': `${id}-error` })}
    >
      <legend>{legend}</legend>
      {hint !== undefined && <span className="field-hint">{hint}</span>}
      {all.length === 0 && <span className="field-hint">There is nothing to choose from yet.</span>}
      {all.map((option) => (
        <span className="checkbox-row" key={option.value}>
          <input
            id={`${id}-${option.value}`}
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </span>
      ))}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
