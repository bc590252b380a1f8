import { useLocation } from '../../../shared/use-location.ts';
import { NotFoundPage } from '../../not-found-page.tsx';
import '../../operations.css';
import '../datamap.css';
import { subPath } from '../sub-path.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { ConnectionListView } from './connection-list-view.tsx';
import { ScanReview } from './scan-review.tsx';

/** Connections: the list at /admin/datamap/connections, a scan at /admin/datamap/connections/{id}/scan (admins). */
export function ConnectionsPage() {
  const canScan = useRoleAllows('admin');
  const [id, action, ...rest] = subPath(useLocation().pathname, '/admin/datamap/connections');
  if (id === undefined) return <ConnectionListView />;
  if (action === 'scan' && rest.length === 0 && canScan) return <ScanReview key={id} connectionId={id} />;
  return <NotFoundPage />;
}
