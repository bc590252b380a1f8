import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useAdmin } from '../../admin-context.ts';
import { ConfirmDialog } from '../../confirm-dialog.tsx';
import { useApiGet } from '../../use-api-get.ts';
import type { ConnectionList, ConnectionView, DatasetList } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { ConnectionForm } from './connection-form.tsx';
import { ConnectionsTable } from './connections-table.tsx';

/** Connections: list; operators test; admins add, scan and delete. */
export function ConnectionListView() {
  const { api } = useAdmin();
  const canTest = useRoleAllows('operator');
  const canEdit = useRoleAllows('admin');
  const { data, loading, error, reload } = useApiGet<ConnectionList>('/api/admin/connections');
  const datasets = useApiGet<DatasetList>('/api/admin/datasets');
  const [testing, setTesting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ConnectionView | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const connections = data?.connections ?? [];

  async function test(connection: ConnectionView): Promise<void> {
    setTesting(connection.id);
    setMessage(null);
    try {
      const tested = await api.post<ConnectionView>(
        `/api/admin/connections/${encodeURIComponent(connection.id)}/test`,
      );
      setMessage(
        tested.lastTest?.ok === true
          ? `${connection.name}: the connection works.`
          : `${connection.name}: the connection failed: ${tested.lastTest?.error ?? 'no reason given'}`,
      );
      reload();
    } catch (failure) {
      setMessage(`${connection.name} was not tested: ${errorMessage(failure)}`);
    } finally {
      setTesting(null);
    }
  }

  async function remove(): Promise<void> {
    if (deleting === null) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.delete(`/api/admin/connections/${encodeURIComponent(deleting.id)}`);
      setMessage(`Deleted the connection ${deleting.name}.`);
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(`The connection was not deleted: ${errorMessage(failure)}`);
    } finally {
      setDeleteBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="Connections" titleSuffix="Privet admin" />
      <p className="lead">
        The databases Privet reaches to answer requests and to scan for personal data. Passwords are stored
        encrypted and never shown.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The connections could not be loaded: {error}
        </p>
      )}
      {connections.length > 0 && (
        <ConnectionsTable
          connections={connections}
          testing={testing}
          onTest={canTest ? (connection) => void test(connection) : undefined}
          canScan={canEdit}
          onDelete={
            canEdit
              ? (connection) => {
                  setDeleteError(null);
                  setDeleting(connection);
                }
              : undefined
          }
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && data === null
            ? 'Loading…'
            : `${message === null ? '' : `${message} `}${
                connections.length === 0
                  ? 'There are no connections yet.'
                  : `${connections.length} ${connections.length === 1 ? 'connection' : 'connections'}.`
              }`}
        </p>
      </div>
      {canEdit && (
        <ConnectionForm
          datasets={datasets.data?.datasets ?? []}
          onCreated={(connection) => {
            setMessage(`Added the connection ${connection.name}.`);
            reload();
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the connection ${deleting?.name ?? ''}?`}
        confirmLabel="Delete connection"
        busy={deleteBusy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          Privet forgets the URL and its password. Requests can no longer reach this database until it is
          added again; its dataset stays in the data map.
        </p>
      </ConfirmDialog>
    </>
  );
}
