import { useLocation } from '../../../shared/use-location.ts';
import '../../operations.css';
import '../datamap.css';
import { subPath } from '../sub-path.ts';
import { DatasetDetail } from './dataset-detail.tsx';
import { DatasetListView } from './dataset-list-view.tsx';

/** The datasets section: the list at /admin/datamap/datasets, one dataset at /admin/datamap/datasets/{key}. */
export function DatasetsPage() {
  const { pathname } = useLocation();
  const key = subPath(pathname, '/admin/datamap/datasets')[0];
  // key: another dataset is a fresh page, not an update of the one shown.
  return key === undefined ? <DatasetListView /> : <DatasetDetail key={key} datasetKey={key} />;
}
