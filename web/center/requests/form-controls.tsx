import type { HTMLInputTypeAttribute, ReactNode } from 'react';

function describedBy(...ids: (string | null)[]): { 'aria-describedby'?: string } {
  const joined = ids.filter((id) => id !== null).join(' ');
  return joined === '' ? {} : { 'aria-describedby': joined };
}

export interface InputFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: HTMLInputTypeAttribute;
  readonly autoComplete?: string;
  readonly inputMode?: 'numeric' | 'email' | 'text' | 'url';
  readonly required?: boolean;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly multiline?: boolean;
  readonly className?: string;
}

/** A labelled input or text area with its hint and error tied to it for screen readers. */
export function InputField(props: InputFieldProps) {
  const { id, label, value, onChange, hint, error } = props;
  const hintId = hint === undefined ? null : `${id}-hint`;
  const errorId = error === undefined ? null : `${id}-error`;
  const common = {
    id,
    value,
    ...describedBy(errorId, hintId),
    'aria-invalid': error === undefined ? undefined : true,
    ...(props.required === true ? { 'aria-required': true } : {}),
    ...(props.autoComplete === undefined ? {} : { autoComplete: props.autoComplete }),
  };
  return (
    <div className={`field${props.className === undefined ? '' : ` ${props.className}`}`}>
      <label htmlFor={id}>{label}</label>
      {hintId !== null && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {errorId !== null && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      {props.multiline === true ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          {...(props.inputMode === undefined ? {} : { inputMode: props.inputMode })}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

export interface ChoiceGroupProps<V extends string> {
  /** The id of the first choice; the error summary links there. */
  readonly id: string;
  readonly legend: string;
  readonly kind: 'radio' | 'checkbox';
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly selected: readonly V[];
  readonly onChange: (selected: V[]) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children?: ReactNode;
}

/** Radio buttons or checkboxes in a fieldset whose legend names the question. */
export function ChoiceGroup<V extends string>(props: ChoiceGroupProps<V>) {
  const { id, legend, kind, options, selected, onChange, hint, error } = props;
  const hintId = hint === undefined ? null : `${id}-hint`;
  const errorId = error === undefined ? null : `${id}-error`;
  function toggle(value: V, checked: boolean): void {
    if (kind === 'radio') onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  }
  return (
    <fieldset className="choice-group" {...describedBy(errorId, hintId)}>
      <legend>{legend}</legend>
      {hintId !== null && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {errorId !== null && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div className="choice" key={option.value}>
            <input
              id={optionId}
              type={kind}
              name={id}
              value={option.value}
              checked={selected.includes(option.value)}
              aria-invalid={error === undefined ? undefined : true}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
      {props.children}
    </fieldset>
  );
}

export interface SelectFieldProps<V extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** A labelled drop-down of fixed choices. */
export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { id, label, value, options, onChange, hint, error } = props;
  const hintId = hint === undefined ? null : `${id}-hint`;
  const errorId = error === undefined ? null : `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintId !== null && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {errorId !== null && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      <select
        id={id}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        {...describedBy(errorId, hintId)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
