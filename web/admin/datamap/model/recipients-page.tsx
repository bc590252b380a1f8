import { useLocation } from '../../../shared/use-location.ts';
import { NotFoundPage } from '../../not-found-page.tsx';
import '../../operations.css';
import '../datamap.css';
import './record-form.css';
import { useRoleAllows } from '../use-role-allows.ts';
import { NewRecipient } from './new-recipient.tsx';
import { RecipientEditor } from './recipient-editor.tsx';
import { RecipientListView } from './recipient-list-view.tsx';
import { recordRoute } from './record-route.ts';

const BASE = '/admin/datamap/recipients';

/** Recipients: the list, a new one (admins), one recipient at /admin/datamap/recipients/{key}. */
export function RecipientsPage() {
  const canEdit = useRoleAllows('admin');
  const route = recordRoute(useLocation().pathname, BASE);
  if (route.page === 'list') return <RecipientListView />;
  if (route.page === 'new' && canEdit) return <NewRecipient />;
  if (route.page === 'one') return <RecipientEditor key={route.key} recipientKey={route.key} />;
  return <NotFoundPage />;
}
