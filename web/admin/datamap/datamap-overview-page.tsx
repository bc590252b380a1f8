import { describeDuration } from '../../../src/datamap/purposes/describe-duration.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLocation } from '../../shared/use-location.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { CheckResults } from './check-results.tsx';
import { DatamapCounts } from './datamap-counts.tsx';
import './datamap.css';
import type {
  DatasetList,
  GraphCheck,
  ModelCheck,
  PurposeList,
  RecipientList,
  SystemList,
} from './datamap-types.ts';
import { legalBasisLabel } from './legal-basis-label.ts';
import { RopaLinks } from './ropa-links.tsx';

const BASE = '/admin/datamap';

/** The data map at a glance: what it holds, what its checks found, and the record of processing. */
export function DatamapOverviewPage() {
  const { pathname } = useLocation();
  const datasets = useApiGet<DatasetList>('/api/admin/datasets');
  const systems = useApiGet<SystemList>('/api/admin/systems');
  const purposes = useApiGet<PurposeList>('/api/admin/purposes');
  const recipients = useApiGet<RecipientList>('/api/admin/recipients');
  const graphCheck = useApiGet<GraphCheck>('/api/admin/datasets/check');
  const modelCheck = useApiGet<ModelCheck>('/api/admin/datamap/check');
  // Deeper paths of no data-map page land here (the longest section path wins): they do not exist.
  if (pathname !== BASE) return <NotFoundPage />;

  const datasetRows = datasets.data?.datasets ?? [];
  const loadError = [datasets, systems, purposes, recipients].find((state) => state.error !== null)?.error;
  return (
    <>
      <PageHeading title="Data map" titleSuffix="Privet admin" />
      <p className="lead">
        Which systems and databases hold whose personal data, for which purposes, on which legal basis, shared
        with whom and kept how long. Requests, the record of processing and the notice are all made from it.
      </p>
      {loadError !== undefined && (
        <p className="alert" role="alert">
          Part of the data map could not be loaded: {loadError}
        </p>
      )}
      <DatamapCounts
        counts={[
          { label: 'Datasets', value: datasets.data?.datasets.length ?? null, to: `${BASE}/datasets` },
          {
            label: 'Collections',
            value: datasets.data === null ? null : datasetRows.reduce((sum, d) => sum + d.collections, 0),
            to: `${BASE}/graph`,
          },
          { label: 'Systems', value: systems.data?.systems.length ?? null, to: `${BASE}/systems` },
          { label: 'Purposes', value: purposes.data?.purposes.length ?? null, to: `${BASE}/purposes` },
          {
            label: 'Recipients',
            value: recipients.data?.recipients.length ?? null,
            to: `${BASE}/recipients`,
          },
        ]}
      />

      <section className="datamap-section" aria-labelledby="overview-checks">
        <h2 id="overview-checks">Checks</h2>
        <CheckResults
          id="check-datasets"
          title="Datasets and references"
          issues={graphCheck.data?.issues ?? null}
          error={graphCheck.error}
        />
        <CheckResults
          id="check-model"
          title="Purposes, systems and recipients"
          issues={modelCheck.data?.issues ?? null}
          error={modelCheck.error}
        />
      </section>

      <section className="datamap-section" aria-labelledby="overview-ropa">
        <h2 id="overview-ropa">Record of processing activities</h2>
        <p>
          Art. 30 GDPR: made from the data map each time, as a spreadsheet (CSV) or a page to read (HTML).
        </p>
        <RopaLinks />
      </section>

      <section className="datamap-section" aria-labelledby="overview-datasets">
        <h2 id="overview-datasets">Datasets</h2>
        {datasetRows.length === 0 ? (
          <p className="status">{datasets.loading ? 'Loading…' : 'There are no datasets yet.'}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">Datasets</caption>
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col">Name</th>
                  <th scope="col" className="numeric">
                    Collections
                  </th>
                  <th scope="col" className="numeric">
                    Fields
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Graph</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {datasetRows.map((d) => (
                  <tr key={d.fidesKey}>
                    <th scope="row" className="row-heading">
                      <Link to={`${BASE}/datasets/${encodeURIComponent(d.fidesKey)}`}>{d.fidesKey}</Link>
                    </th>
                    <td>{d.name ?? '—'}</td>
                    <td className="numeric">{d.collections}</td>
                    <td className="numeric">{d.fields}</td>
                    <td className="actions-cell">
                      <Link to={`${BASE}/graph/${encodeURIComponent(d.fidesKey)}`}>
                        Graph<span className="visually-hidden"> of {d.fidesKey}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="datamap-section" aria-labelledby="overview-purposes">
        <h2 id="overview-purposes">Purposes</h2>
        {(purposes.data?.purposes.length ?? 0) === 0 ? (
          <p className="status">{purposes.loading ? 'Loading…' : 'There are no purposes yet.'}</p>
        ) : (
          <ul className="summary-list">
            {purposes.data?.purposes.map((p) => (
              <li key={p.key}>
                <Link to={`${BASE}/purposes/${encodeURIComponent(p.key)}`}>{p.name}</Link>
                <span className="muted">
                  {' '}
                  · {legalBasisLabel(p.legalBasis)}
                  {p.retentionPeriod === null ? '' : ` · kept ${describeDuration(p.retentionPeriod)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="datamap-columns">
        <section className="datamap-section" aria-labelledby="overview-systems">
          <h2 id="overview-systems">Systems</h2>
          <ul className="summary-list">
            {systems.data?.systems.map((s) => (
              <li key={s.key}>
                <Link to={`${BASE}/systems/${encodeURIComponent(s.key)}`}>{s.name}</Link>
                {s.businessFunction === '' ? null : <span className="muted"> · {s.businessFunction}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section className="datamap-section" aria-labelledby="overview-recipients">
          <h2 id="overview-recipients">Recipients</h2>
          <ul className="summary-list">
            {recipients.data?.recipients.map((r) => (
              <li key={r.key}>
                <Link to={`${BASE}/recipients/${encodeURIComponent(r.key)}`}>{r.name}</Link>
                <span className="muted">
                  {' '}
                  · {r.role.replace('_', ' ')}, {r.country}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
