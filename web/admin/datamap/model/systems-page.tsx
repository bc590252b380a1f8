import { useLocation } from '../../../shared/use-location.ts';
import { NotFoundPage } from '../../not-found-page.tsx';
import '../../operations.css';
import '../datamap.css';
import './record-form.css';
import { useRoleAllows } from '../use-role-allows.ts';
import { NewSystem } from './new-system.tsx';
import { SystemEditor } from './system-editor.tsx';
import { SystemListView } from './system-list-view.tsx';
import { recordRoute } from './record-route.ts';

const BASE = '/admin/datamap/systems';

/** Systems: the list, a new one (admins), one system at /admin/datamap/systems/{key}. */
export function SystemsPage() {
  const canEdit = useRoleAllows('admin');
  const route = recordRoute(useLocation().pathname, BASE);
  if (route.page === 'list') return <SystemListView />;
  if (route.page === 'new' && canEdit) return <NewSystem />;
  if (route.page === 'one') return <SystemEditor key={route.key} systemKey={route.key} />;
  return <NotFoundPage />;
}
