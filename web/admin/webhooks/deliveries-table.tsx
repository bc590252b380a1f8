import { DateTime } from '../date-time.tsx';
import type { WebhookDelivery, WebhookEndpoint } from './webhook.ts';

export interface DeliveriesTableProps {
  readonly deliveries: readonly WebhookDelivery[];
  readonly endpoints: readonly WebhookEndpoint[];
  readonly canChange: boolean;
  readonly onRedeliver: (delivery: WebhookDelivery) => void;
}

/** Recent deliveries, newest first: what the receiver answered, or why nothing came back. */
export function DeliveriesTable({ deliveries, endpoints, canChange, onRedeliver }: DeliveriesTableProps) {
  const names = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Recent webhook deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Status</th>
            <th scope="col">Status code</th>
            <th scope="col">Error</th>
            <th scope="col">Attempts</th>
            <th scope="col">Created</th>
            {canChange && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-id={delivery.id}>
              <th scope="row" className="row-heading">
                {delivery.eventType} <code>{delivery.eventId}</code>
              </th>
              <td>{names.get(delivery.endpointId) ?? <code>{delivery.endpointId}</code>}</td>
              <td>
                <span className={`badge badge-delivery-${delivery.status}`}>{delivery.status}</span>
              </td>
              <td>{delivery.lastStatusCode ?? '—'}</td>
              <td>{delivery.lastError ?? '—'}</td>
              <td>
                {delivery.attempts.length} of {delivery.maxAttempts}
              </td>
              <td className="nowrap">
                <DateTime value={delivery.createdAt} />
              </td>
              {canChange && (
                <td className="actions-cell">
                  {(delivery.status === 'delivered' || delivery.status === 'failed') && (
                    <button
                      className="button button-secondary button-small"
                      type="button"
                      aria-label={`Redeliver ${delivery.eventType} ${delivery.eventId}`}
                      onClick={() => onRedeliver(delivery)}
                    >
                      Redeliver
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
