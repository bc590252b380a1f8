import { useLocation } from '../../../shared/use-location.ts';
import { NotFoundPage } from '../../not-found-page.tsx';
import '../../operations.css';
import '../datamap.css';
import './record-form.css';
import { useRoleAllows } from '../use-role-allows.ts';
import { NewPurpose } from './new-purpose.tsx';
import { PurposeEditor } from './purpose-editor.tsx';
import { PurposeListView } from './purpose-list-view.tsx';
import { recordRoute } from './record-route.ts';

const BASE = '/admin/datamap/purposes';

/** Purposes: the list, a new one (admins), one purpose at /admin/datamap/purposes/{key}. */
export function PurposesPage() {
  const canEdit = useRoleAllows('admin');
  const route = recordRoute(useLocation().pathname, BASE);
  if (route.page === 'list') return <PurposeListView />;
  if (route.page === 'new' && canEdit) return <NewPurpose />;
  if (route.page === 'one') return <PurposeEditor key={route.key} purposeKey={route.key} />;
  return <NotFoundPage />;
}
