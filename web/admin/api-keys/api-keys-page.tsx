import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import type { ApiKey, ApiKeyList, NewApiKey } from './api-key.ts';
import { ApiKeyForm } from './api-key-form.tsx';
import { ApiKeysTable } from './api-keys-table.tsx';
import { NewKeyPanel } from './new-key-panel.tsx';

/** API keys for scripts and other systems: list, create (shown once), revoke. */
export function ApiKeysPage() {
  const { api } = useAdmin();
  const { data, loading, error, reload } = useApiGet<ApiKeyList>('/api/admin/api-keys');
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const keys = data?.keys ?? [];

  function keyCreated(key: NewApiKey): void {
    setCreated(key);
    setDone(null);
    reload();
  }

  function askRevoke(key: ApiKey): void {
    setRevokeError(null);
    setRevoking(key);
  }

  async function revoke(): Promise<void> {
    if (revoking === null) return;
    setRevokeBusy(true);
    setRevokeError(null);
    try {
      await api.delete(`/api/admin/api-keys/${encodeURIComponent(revoking.id)}`);
      setDone(`Revoked the key ${revoking.name}.`);
      if (created?.id === revoking.id) setCreated(null);
      setRevoking(null);
      reload();
    } catch (failure) {
      setRevokeError(`The key was not revoked: ${errorMessage(failure)}`);
    } finally {
      setRevokeBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="API keys" titleSuffix="Privet admin" />
      <p className="lead">
        Keys let scripts and other systems call the admin API with a role of their own. Revoke a key as soon
        as it is no longer needed or may have leaked.
      </p>
      {created !== null && <NewKeyPanel created={created} onDismiss={() => setCreated(null)} />}
      {error !== null && (
        <p className="alert" role="alert">
          The keys could not be loaded: {error}
        </p>
      )}
      {keys.length > 0 && <ApiKeysTable keys={keys} onRevoke={askRevoke} />}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                keys.length === 0
                  ? 'There are no active keys.'
                  : `${keys.length} active ${keys.length === 1 ? 'key' : 'keys'}.`
              }`}
        </p>
      </div>
      <ApiKeyForm onCreated={keyCreated} />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the key ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke key"
        busy={revokeBusy}
        error={revokeError}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Anything still using the key starting with <code>{revoking?.prefix}</code> will be refused from now
          on. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
