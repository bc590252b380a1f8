import { Link } from '../../../shared/link.tsx';
import { navigate } from '../../../shared/navigate.ts';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useLocation } from '../../../shared/use-location.ts';
import '../../operations.css';
import { useApiGet } from '../../use-api-get.ts';
import '../datamap.css';
import './graph.css';
import type { DatasetList } from '../datamap-types.ts';
import { SelectField } from '../fields/select-field.tsx';
import { subPath } from '../sub-path.ts';
import { DatasetGraphView } from './dataset-graph-view.tsx';

const BASE = '/admin/datamap/graph';

/** The drawn graph of a dataset's collections and references, at /admin/datamap/graph/{dataset}. */
export function GraphPage() {
  const { pathname } = useLocation();
  const { data, error } = useApiGet<DatasetList>('/api/admin/datasets');
  const datasets = data?.datasets ?? [];
  const chosen = subPath(pathname, BASE)[0] ?? datasets[0]?.fidesKey;

  return (
    <>
      <PageHeading title="Graph" titleSuffix="Privet admin" />
      <p className="lead">
        How a request finds a person's data: it starts at the identity collections on the left and follows the
        references to the right. Collections that no identity reaches come last.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The datasets could not be loaded: {error}
        </p>
      )}
      {data !== null && datasets.length === 0 && (
        <p className="status" role="status">
          There are no datasets yet. <Link to="/admin/datamap/datasets">Import one</Link> or scan a
          connection.
        </p>
      )}
      {datasets.length > 0 && chosen !== undefined && (
        <div className="toolbar graph-toolbar">
          <SelectField
            id="graph-dataset"
            label="Dataset"
            value={chosen}
            options={datasets.map((d) => ({
              value: d.fidesKey,
              label: d.name === null || d.name === d.fidesKey ? d.fidesKey : `${d.name} (${d.fidesKey})`,
            }))}
            onChange={(key) => navigate(`${BASE}/${encodeURIComponent(key)}`)}
          />
        </div>
      )}
      {chosen !== undefined && <DatasetGraphView key={chosen} datasetKey={chosen} />}
    </>
  );
}
