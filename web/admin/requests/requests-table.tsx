import { Link } from '../../shared/link.tsx';
import { DateTime } from '../date-time.tsx';
import { DueDate } from './due-date.tsx';
import { jurisdictionLabels, labelOf, typeLabels } from './request-labels.ts';
import { RequestStatusBadge } from './request-status-badge.tsx';
import type { DataSubjectRequest } from './request-types.ts';

/** The queue: one row per request, the person's email leading to the request page. */
export function RequestsTable({ requests }: { readonly requests: readonly DataSubjectRequest[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Data-subject requests, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Received</th>
            <th scope="col">Due</th>
            <th scope="col">Channel</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} data-id={request.id}>
              <th scope="row" className="row-heading">
                <Link to={`/admin/requests/${encodeURIComponent(request.id)}`}>{request.identity.email}</Link>
              </th>
              <td className="nowrap">{labelOf(typeLabels, request.type)}</td>
              <td>
                <RequestStatusBadge status={request.status} />
              </td>
              <td className="nowrap">{labelOf(jurisdictionLabels, request.jurisdiction)}</td>
              <td className="nowrap">
                <DateTime value={request.receivedAt} />
              </td>
              <td className="nowrap">
                <DueDate request={request} />
              </td>
              <td>{request.channel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
