import { Link } from '../../shared/link.tsx';
import { DateTime } from '../date-time.tsx';
import { labelOf, typeLabels } from './request-labels.ts';
import { RequestStatusBadge } from './request-status-badge.tsx';
import type { EarlierRequest } from './request-types.ts';

/** The person's earlier requests with their dates: the evidence before calling a request excessive. */
export function EarlierRequests({ requests }: { readonly requests: readonly EarlierRequest[] }) {
  if (requests.length === 0) return <p className="status">This is the person’s first request.</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">Earlier requests of the same person</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id}>
              <th scope="row" className="row-heading nowrap">
                <Link to={`/admin/requests/${encodeURIComponent(request.id)}`}>
                  <DateTime value={request.receivedAt} />
                </Link>
              </th>
              <td>{labelOf(typeLabels, request.type)}</td>
              <td>
                <RequestStatusBadge status={request.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
