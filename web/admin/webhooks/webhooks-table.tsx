import type { WebhookEndpoint } from './webhook.ts';

export interface WebhooksTableProps {
  readonly endpoints: readonly WebhookEndpoint[];
  readonly canChange: boolean;
  /** The endpoint a test event is on its way to, if any. */
  readonly testing: string | null;
  readonly onTest: (endpoint: WebhookEndpoint) => void;
  readonly onToggle: (endpoint: WebhookEndpoint) => void;
  readonly onEdit: (endpoint: WebhookEndpoint) => void;
  readonly onRotate: (endpoint: WebhookEndpoint) => void;
  readonly onDelete: (endpoint: WebhookEndpoint) => void;
}

/** Webhook endpoints with what they receive; admins see the URLs, test, edit, rotate, pause and remove them. */
export function WebhooksTable({
  endpoints,
  canChange,
  testing,
  onTest,
  onToggle,
  onEdit,
  onRotate,
  onDelete,
}: WebhooksTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Webhook endpoints</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {canChange && <th scope="col">URL</th>}
            <th scope="col">Event kinds</th>
            <th scope="col">Enabled</th>
            {canChange && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} data-id={endpoint.id}>
              <th scope="row" className="row-heading">
                {endpoint.name}
              </th>
              {canChange && (
                <td>
                  <code>{endpoint.url}</code>
                </td>
              )}
              <td>{endpoint.eventKinds.length === 0 ? 'none' : endpoint.eventKinds.join(', ')}</td>
              <td>{endpoint.enabled ? 'yes' : 'no'}</td>
              {canChange && (
                <td className="actions-cell">
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`Send test event to ${endpoint.name}`}
                    disabled={testing !== null}
                    onClick={() => onTest(endpoint)}
                  >
                    {testing === endpoint.id ? 'Sending…' : 'Send test event'}
                  </button>{' '}
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`Edit ${endpoint.name}`}
                    onClick={() => onEdit(endpoint)}
                  >
                    Edit
                  </button>{' '}
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`Rotate secret of ${endpoint.name}`}
                    onClick={() => onRotate(endpoint)}
                  >
                    Rotate secret
                  </button>{' '}
                  <button
                    className="button button-secondary button-small"
                    type="button"
                    aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.name}`}
                    onClick={() => onToggle(endpoint)}
                  >
                    {endpoint.enabled ? 'Disable' : 'Enable'}
                  </button>{' '}
                  <button
                    className="button button-danger-quiet button-small"
                    type="button"
                    aria-label={`Remove ${endpoint.name}`}
                    onClick={() => onDelete(endpoint)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
