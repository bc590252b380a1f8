import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import { Link } from '../../../shared/link.tsx';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useAdmin } from '../../admin-context.ts';
import { useApiGet } from '../../use-api-get.ts';
import type { ConnectionView, DatasetList, ScanAnswer, Taxonomy } from '../datamap-types.ts';
import { withFieldEdit } from './edit-scanned-dataset.ts';
import { ScanCollectionTable } from './scan-collection-table.tsx';
import { ScanSaveForm } from './scan-save-form.tsx';
import { ScanSummaryFacts } from './scan-summary-facts.tsx';

const CATEGORIES_LIST = 'scan-categories';

/** Scans a connection's database, shows each proposal to review and change, and saves the result. */
export function ScanReview({ connectionId }: { readonly connectionId: string }) {
  const { api } = useAdmin();
  const connection = useApiGet<ConnectionView>(`/api/admin/connections/${encodeURIComponent(connectionId)}`);
  const taxonomy = useApiGet<Taxonomy>('/api/admin/taxonomy');
  const datasets = useApiGet<DatasetList>('/api/admin/datasets');
  const [scan, setScan] = useState<ScanAnswer | null>(null);
  const [dataset, setDataset] = useState<ScanAnswer['dataset'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = connection.data?.name ?? connectionId;

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<ScanAnswer>('/api/admin/datamap/scan', { connectionId });
      setScan(answer);
      setDataset(answer.dataset);
    } catch (failure) {
      setError(`The scan failed: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="back-link">
        <Link to="/admin/datamap/connections">← Back to the connections</Link>
      </p>
      <PageHeading title={`Scan ${name}`} titleSuffix="Privet admin" />
      <p className="lead">
        The scan reads the database's tables, columns and keys and a small sample of values, and proposes a
        data category for each column, the identities, and the references. It changes nothing in the database,
        and nothing is stored until you save.
      </p>
      {connection.error !== null && (
        <p className="alert" role="alert">
          The connection could not be loaded: {connection.error}
        </p>
      )}
      {connection.data !== null && (
        <p>
          <code>{connection.data.url}</code>
        </p>
      )}
      <p>
        <button
          className="button"
          type="button"
          onClick={() => void run()}
          disabled={busy || connection.data === null}
        >
          {busy ? 'Scanning…' : scan === null ? 'Start the scan' : 'Scan again'}
        </button>
      </p>
      <p className="status" role="status">
        {busy
          ? 'Scanning the database…'
          : scan === null
            ? ''
            : `Proposed ${scan.summary.tables} collections.`}
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {scan !== null && dataset !== null && (
        <>
          <section className="datamap-section" aria-labelledby="scan-summary-heading">
            <h2 id="scan-summary-heading">Summary</h2>
            <ScanSummaryFacts summary={scan.summary} />
          </section>
          <section className="datamap-section" aria-labelledby="scan-proposals-heading">
            <h2 id="scan-proposals-heading">Proposals</h2>
            <p className="field-hint">
              Change a category or an identity where the proposal is wrong; low confidence is marked “review”.
            </p>
            <datalist id={CATEGORIES_LIST}>
              {(taxonomy.data?.dataCategories ?? []).map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {entry.name}
                </option>
              ))}
            </datalist>
            {dataset.collections.map((collection) => (
              <ScanCollectionTable
                key={collection.name}
                collection={collection}
                categoriesList={CATEGORIES_LIST}
                onEdit={(fieldPath, edit) =>
                  setDataset((current) =>
                    current === null ? current : withFieldEdit(current, collection.name, fieldPath, edit),
                  )
                }
              />
            ))}
          </section>
          <ScanSaveForm
            key={scan.yaml}
            dataset={dataset}
            stored={datasets.data?.datasets ?? []}
            onSaved={datasets.reload}
          />
          <details className="scan-yaml">
            <summary>The proposal as Fides YAML, before your changes</summary>
            <pre className="mail-text" tabIndex={0}>
              {scan.yaml}
            </pre>
          </details>
        </>
      )}
    </>
  );
}
