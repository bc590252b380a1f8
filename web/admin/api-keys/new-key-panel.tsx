import { useEffect, useRef } from 'react';
import { SecretValue } from '../secret-value.tsx';
import type { NewApiKey } from './api-key.ts';

export interface NewKeyPanelProps {
  readonly created: NewApiKey;
  readonly onDismiss: () => void;
}

/** The key just created, shown this once; Privet keeps only a hash of it. */
export function NewKeyPanel({ created, onDismiss }: NewKeyPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <section className="panel panel-wide reveal reveal-secret" aria-labelledby="created-key-heading">
      <h2 id="created-key-heading" ref={heading} tabIndex={-1}>
        New API key “{created.name}” ({created.role})
      </h2>
      <p className="reveal-warning">
        <strong>Copy the key now: it will not be shown again.</strong> Privet keeps only a fingerprint of it.
        If it is lost, revoke it and create another.
      </p>
      <SecretValue id="created-key" label="API key" value={created.key} copyLabel="Copy the API key" />
      <p className="field-hint">
        Send it as <code>Authorization: Bearer …</code> with each call to <code>/api/admin/…</code>.
      </p>
      <div className="reveal-actions">
        <button className="button button-secondary" type="button" onClick={onDismiss}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
