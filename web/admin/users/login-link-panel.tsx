import { useEffect, useRef } from 'react';
import { DateTime } from '../date-time.tsx';
import { SecretValue } from '../secret-value.tsx';
import type { LoginLink, StaffUser } from './staff-user.ts';

export interface LoginLinkPanelProps {
  readonly user: StaffUser;
  readonly link: LoginLink;
  readonly onDismiss: () => void;
}

/** A freshly made one-time login link, to hand to the person by a channel you trust. */
export function LoginLinkPanel({ user, link, onDismiss }: LoginLinkPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel appears above the table: take the focus there so that keyboard and screen-reader users find it.
  useEffect(() => heading.current?.focus(), [link]);
  return (
    <section className="panel panel-wide reveal" aria-labelledby="login-link-heading">
      <h2 id="login-link-heading" ref={heading} tabIndex={-1}>
        Login link for {user.email}
      </h2>
      <p>
        It signs {user.name || user.email} in once, then never again, and expires{' '}
        <DateTime value={link.expiresAt} />. Anyone holding it can sign in as them: send it only to them.
      </p>
      <SecretValue
        id="login-link-url"
        label="One-time login link"
        value={link.url}
        copyLabel="Copy the login link"
      />
      <div className="reveal-actions">
        <button className="button button-secondary" type="button" onClick={onDismiss}>
          Done
        </button>
      </div>
    </section>
  );
}
