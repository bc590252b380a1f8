import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';

interface LedgerCheck {
  readonly ok: boolean;
  readonly events: number;
  readonly head?: string;
  readonly broken?: { readonly seq: number; readonly id: string; readonly reason: string };
}

function outcome(check: LedgerCheck): string {
  if (check.ok) {
    return check.events === 0
      ? 'The ledger is empty.'
      : `All ${check.events} events verify. Head hash: ${check.head ?? ''}.`;
  }
  const broken = check.broken;
  return broken === undefined
    ? 'The chain does not verify.'
    : `The chain breaks at event ${broken.seq} (${broken.id}): ${broken.reason}.`;
}

/** Walks the consent ledger's hash chain on request (admins): proof that no recorded choice was altered. */
export function LedgerVerifyPanel() {
  const { api } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setCheck(await api.post<LedgerCheck>('/api/admin/consent/verify'));
    } catch (failure) {
      setCheck(null);
      setError(`The ledger could not be checked: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="ledger-verify-heading">
      <h2 id="ledger-verify-heading">Ledger integrity</h2>
      <p>
        Every consent event holds the hash of the one before it. Checking recomputes the whole chain and names
        the first event that was changed or removed.
      </p>
      <button className="button button-secondary" type="button" disabled={busy} onClick={() => void verify()}>
        {busy ? 'Checking…' : 'Verify the ledger'}
      </button>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {check !== null && (
        <p className={check.ok ? 'status' : 'alert'} role={check.ok ? 'status' : 'alert'}>
          {outcome(check)}
        </p>
      )}
    </section>
  );
}
