import type { FocusEvent } from 'react';
import { CopyButton } from './copy-button.tsx';

export interface SecretValueProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The copy button's name for screen readers. */
  readonly copyLabel: string;
}

function selectAll(event: FocusEvent<HTMLInputElement>): void {
  event.target.select();
}

/** A value to hand on (a key, a link): read-only, selected whole on focus, with a copy button beside it. */
export function SecretValue({ id, label, value, copyLabel }: SecretValueProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          className="secret-input"
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={selectAll}
        />
        <CopyButton text={value} label={copyLabel} />
      </div>
    </div>
  );
}
