import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useAdmin } from '../../admin-context.ts';
import { ConfirmDialog } from '../../confirm-dialog.tsx';
import { useApiGet } from '../../use-api-get.ts';
import type { DatasetList, DatasetSummary } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { DatasetImportForm } from './dataset-import-form.tsx';
import { DatasetsTable } from './datasets-table.tsx';

/** Every dataset, the YAML export, and for admins the import and delete. */
export function DatasetListView() {
  const { api } = useAdmin();
  const canEdit = useRoleAllows('admin');
  const { data, loading, error, reload } = useApiGet<DatasetList>('/api/admin/datasets');
  const [deleting, setDeleting] = useState<DatasetSummary | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const datasets = data?.datasets ?? [];

  async function remove(): Promise<void> {
    if (deleting === null) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.delete(`/api/admin/datasets/${encodeURIComponent(deleting.fidesKey)}`);
      setDone(`Deleted the dataset ${deleting.fidesKey}.`);
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(`The dataset was not deleted: ${errorMessage(failure)}`);
    } finally {
      setDeleteBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="Datasets" titleSuffix="Privet admin" />
      <p className="lead">
        Databases described as Fides datasets: their collections (tables), fields (columns) with data
        categories, the identities a request starts from, and the references between them.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The datasets could not be loaded: {error}
        </p>
      )}
      {datasets.length > 0 && (
        <DatasetsTable
          datasets={datasets}
          onDelete={
            canEdit
              ? (dataset) => {
                  setDeleteError(null);
                  setDeleting(dataset);
                }
              : undefined
          }
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {loading && data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                datasets.length === 0
                  ? 'There are no datasets yet.'
                  : `${datasets.length} ${datasets.length === 1 ? 'dataset' : 'datasets'}.`
              }`}
        </p>
        {datasets.length > 0 && (
          <a className="button button-secondary" href="/api/admin/datasets/export" download="datasets.yml">
            Export all as YAML
          </a>
        )}
      </div>
      {canEdit && (
        <DatasetImportForm
          onImported={() => {
            setDone(null);
            reload();
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the dataset ${deleting?.fidesKey ?? ''}?`}
        confirmLabel="Delete dataset"
        busy={deleteBusy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          Its {deleting?.collections} collections leave the data map: requests will no longer look in them.
          References to it from other datasets are left dangling (the check will list them). Import the YAML
          again to bring it back.
        </p>
      </ConfirmDialog>
    </>
  );
}
