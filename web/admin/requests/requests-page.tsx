import { useLocation } from '../../shared/use-location.ts';
import '../operations.css';
import './requests.css';
import { NewRequestForm } from './new-request-form.tsx';
import { RequestDetail } from './request-detail.tsx';
import { requestFiltersOf } from './request-query.ts';
import { RequestQueue } from './request-queue.tsx';

const BASE = '/admin/requests';

function decodedId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The requests section: the queue at /admin/requests, staff entry at /new, one request at /{id}. */
export function RequestsPage() {
  const { pathname, query } = useLocation();
  if (pathname === `${BASE}/new`) return <NewRequestForm />;
  if (pathname.startsWith(`${BASE}/`)) {
    const id = decodedId(pathname.slice(BASE.length + 1));
    return <RequestDetail key={id} id={id} />;
  }
  return <RequestQueue filters={requestFiltersOf(query)} />;
}
