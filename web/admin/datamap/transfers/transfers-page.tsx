import { useLocation } from '../../../shared/use-location.ts';
import { NotFoundPage } from '../../not-found-page.tsx';
import '../../operations.css';
import '../datamap.css';
import '../model/record-form.css';
import { recordRoute } from '../model/record-route.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { NewTransfer } from './new-transfer.tsx';
import { TransferEditor } from './transfer-editor.tsx';
import { TransferListView } from './transfer-list-view.tsx';

const BASE = '/admin/datamap/transfers';

/** International transfers: the list, a new one (admins), one transfer at /admin/datamap/transfers/{id}. */
export function TransfersPage() {
  const canEdit = useRoleAllows('admin');
  const route = recordRoute(useLocation().pathname, BASE);
  if (route.page === 'list') return <TransferListView />;
  if (route.page === 'new' && canEdit) return <NewTransfer />;
  if (route.page === 'one') return <TransferEditor key={route.key} transferId={route.key} />;
  return <NotFoundPage />;
}
