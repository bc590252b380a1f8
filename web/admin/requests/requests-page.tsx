import { useLocation } from '../../shared/use-location.ts';
import '../operations.css';
import './requests.css';
import { NewRequestForm } from './new-request-form.tsx';
import { RequestDetail } from './request-detail.tsx';
import { requestFiltersOf } from './request-query.ts';
import { RequestQueue } from './request-queue.tsx';
import { RequestTemplateEditor } from './request-template-editor.tsx';
import { RequestTemplatesPage } from './request-templates-page.tsx';

const BASE = '/admin/requests';

function decodedId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The requests section: the queue at /admin/requests, staff entry at /new, message templates at /templates,
 * one request at /{id}.
 */
export function RequestsPage() {
  const { pathname, query } = useLocation();
  if (pathname === `${BASE}/new`) return <NewRequestForm />;
  if (pathname === `${BASE}/templates`) return <RequestTemplatesPage />;
  if (pathname.startsWith(`${BASE}/templates/`)) {
    const [message = '', language = ''] = pathname
      .slice(BASE.length + 11)
      .split('/')
      .map(decodedId);
    return <RequestTemplateEditor key={`${message}/${language}`} message={message} language={language} />;
  }
  if (pathname.startsWith(`${BASE}/`)) {
    const id = decodedId(pathname.slice(BASE.length + 1));
    return <RequestDetail key={id} id={id} />;
  }
  return <RequestQueue filters={requestFiltersOf(query)} />;
}
