import { useState, type KeyboardEvent } from 'react';
import type { SelectOption } from './select-field.tsx';

export interface KeyListFieldProps {
  readonly id: string;
  readonly label: string;
  /** The keys one may pick from, suggested while typing; other keys are allowed (the check reports them). */
  readonly options: readonly SelectOption[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly hint?: string;
  readonly error?: string | undefined;
}

/** A list of taxonomy keys from a long vocabulary: the chosen ones as removable chips, and an input to add. */
export function KeyListField({ id, label, options, value, onChange, hint, error }: KeyListFieldProps) {
  const [draft, setDraft] = useState('');
  const listId = `${id}-options`;
  const nameOf = (key: string) => options.find((option) => option.value === key)?.label;

  function add(): void {
    const key = draft.trim();
    if (key === '') return;
    if (!value.includes(key)) onChange([...value, key]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter adds the key instead of submitting the whole form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  }

  const described = [
    `${id}-chosen`,
    hint === undefined ? null : `${id}-hint`,
    error === undefined ? null : `${id}-error`,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field key-list">
      <label htmlFor={id}>{label}</label>
      <ul id={`${id}-chosen`} className="chips" aria-label={`Chosen: ${label}`}>
        {value.length === 0 && <li className="chips-empty">None yet.</li>}
        {value.map((key) => (
          <li key={key} className="chip">
            <code>{key}</code>
            {nameOf(key) !== undefined && <span className="chip-name">{nameOf(key)}</span>}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${key}`}
              onClick={() => onChange(value.filter((held) => held !== key))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className="key-list-add">
        <input
          id={id}
          type="text"
          list={listId}
          value={draft}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={described}
          aria-invalid={error === undefined ? undefined : true}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button className="button button-secondary button-small" type="button" onClick={add}>
          Add
        </button>
      </span>
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </datalist>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
