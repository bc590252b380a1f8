import { useEffect, useRef } from 'react';
import { SecretValue } from '../secret-value.tsx';
import type { RotatedSecret } from './webhook.ts';

export interface NewSecretPanelProps {
  readonly rotated: RotatedSecret;
  readonly onDismiss: () => void;
}

/** The signing secret Privet just made for an endpoint, shown this once; Privet keeps it only sealed. */
export function NewSecretPanel({ rotated, onDismiss }: NewSecretPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [rotated]);
  return (
    <section className="panel panel-wide reveal reveal-secret" aria-labelledby="new-secret-heading">
      <h2 id="new-secret-heading" ref={heading} tabIndex={-1}>
        New signing secret of {rotated.endpoint.name}
      </h2>
      <p className="reveal-warning">
        <strong>Copy the secret now: it will not be shown again.</strong> Deliveries are signed with it from
        now on, so give it to the receiver at once.
      </p>
      <SecretValue
        id="new-webhook-secret"
        label="Signing secret"
        value={rotated.secret}
        copyLabel="Copy the signing secret"
      />
      <div className="reveal-actions">
        <button className="button button-secondary" type="button" onClick={onDismiss}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
