import { DateTime } from '../../date-time.tsx';
import type { ConnectionView } from '../datamap-types.ts';

/** The outcome of a connection's last test: works, or the error (never with the password), and when. */
export function LastTest({ lastTest }: { readonly lastTest: ConnectionView['lastTest'] }) {
  if (lastTest === null) return <span className="muted">Not tested yet</span>;
  return (
    <span className="last-test">
      {lastTest.ok ? (
        <span className="badge badge-ok">ok</span>
      ) : (
        <span className="badge badge-issue-error">failed</span>
      )}{' '}
      <DateTime value={lastTest.at} />
      {lastTest.error !== null && <span className="error-text last-test-error">{lastTest.error}</span>}
    </span>
  );
}
