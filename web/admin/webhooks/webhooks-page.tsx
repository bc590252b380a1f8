import { useState } from 'react';
import { roleAllows } from '../../../src/domain/roles.ts';
import { errorMessage } from '../../shared/api-error.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin, useSession } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { DeliveriesTable } from './deliveries-table.tsx';
import { NewSecretPanel } from './new-secret-panel.tsx';
import { attemptSummary, type RotatedSecret, type WebhookDelivery, type WebhookEndpoint } from './webhook.ts';
import { WebhookForm } from './webhook-form.tsx';
import { WebhooksTable } from './webhooks-table.tsx';

/**
 * Webhook endpoints and their recent deliveries; admins see the URLs and add, edit, test, rotate secrets of,
 * pause, remove and redeliver. Other roles see names, event kinds and deliveries, never URLs.
 */
export function WebhooksPage() {
  const { api } = useAdmin();
  const canChange = roleAllows(useSession().user.role, 'admin');
  const endpoints = useApiGet<{ endpoints: WebhookEndpoint[] }>('/api/admin/webhooks');
  const deliveries = useApiGet<{ deliveries: WebhookDelivery[] }>('/api/admin/webhooks/deliveries?limit=50');
  const [testing, setTesting] = useState<string | null>(null);
  const [removing, setRemoving] = useState<WebhookEndpoint | null>(null);
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [rotateBusy, setRotateBusy] = useState(false);
  const [rotateError, setRotateError] = useState<string | null>(null);
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const endpointList = endpoints.data?.endpoints ?? [];
  const deliveryList = deliveries.data?.deliveries ?? [];
  const loadError = endpoints.error ?? deliveries.error;

  function reloadAll(): void {
    endpoints.reload();
    deliveries.reload();
  }

  /** Runs one change, then says what happened or why it did not. */
  async function act(work: () => Promise<string>, what: string): Promise<void> {
    setDone(null);
    setFailed(null);
    try {
      setDone(await work());
    } catch (failure) {
      setFailed(`${what}: ${errorMessage(failure)}`);
    } finally {
      reloadAll();
    }
  }

  async function test(endpoint: WebhookEndpoint): Promise<void> {
    setTesting(endpoint.id);
    await act(async () => {
      const delivery = await api.post<WebhookDelivery>(
        `/api/admin/webhooks/${encodeURIComponent(endpoint.id)}/test`,
      );
      return `Test event to ${endpoint.name}: ${attemptSummary(delivery)}.`;
    }, `The test event was not sent to ${endpoint.name}`);
    setTesting(null);
  }

  function toggle(endpoint: WebhookEndpoint): void {
    void act(async () => {
      await api.patch(`/api/admin/webhooks/${encodeURIComponent(endpoint.id)}`, {
        enabled: !endpoint.enabled,
      });
      return `${endpoint.enabled ? 'Disabled' : 'Enabled'} ${endpoint.name}.`;
    }, `${endpoint.name} was not changed`);
  }

  function redeliver(delivery: WebhookDelivery): void {
    void act(async () => {
      await api.post(`/api/admin/webhooks/deliveries/${encodeURIComponent(delivery.id)}/redeliver`);
      return `Queued ${delivery.eventType} ${delivery.eventId} for redelivery.`;
    }, 'The event was not queued again');
  }

  async function rotate(): Promise<void> {
    if (rotating === null) return;
    setRotateBusy(true);
    setRotateError(null);
    try {
      const answer = await api.post<RotatedSecret>(
        `/api/admin/webhooks/${encodeURIComponent(rotating.id)}/rotate-secret`,
      );
      setDone(`Rotated the secret of ${rotating.name}.`);
      setRotating(null);
      setRotated(answer);
    } catch (failure) {
      setRotateError(`The secret was not rotated: ${errorMessage(failure)}`);
    } finally {
      setRotateBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (removing === null) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await api.delete(`/api/admin/webhooks/${encodeURIComponent(removing.id)}`);
      setDone(`Removed ${removing.name}.`);
      setRemoving(null);
      reloadAll();
    } catch (failure) {
      setRemoveError(`The endpoint was not removed: ${errorMessage(failure)}`);
    } finally {
      setRemoveBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="Webhooks" titleSuffix="Privet admin" />
      <p className="lead">
        Privet posts signed events (consent changes, Art. 19 notices) to these endpoints and retries until
        they answer with 2xx.
      </p>
      {loadError !== null && (
        <p className="alert" role="alert">
          The webhooks could not be loaded: {loadError}
        </p>
      )}
      {failed !== null && (
        <p className="alert" role="alert">
          {failed}
        </p>
      )}
      <h2>Endpoints</h2>
      {endpointList.length > 0 && (
        <WebhooksTable
          endpoints={endpointList}
          canChange={canChange}
          testing={testing}
          onTest={(endpoint) => void test(endpoint)}
          onToggle={toggle}
          onEdit={(endpoint) => {
            setDone(null);
            setEditing(endpoint);
          }}
          onRotate={(endpoint) => {
            setRotateError(null);
            setRotating(endpoint);
          }}
          onDelete={(endpoint) => {
            setRemoveError(null);
            setRemoving(endpoint);
          }}
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {endpoints.loading && endpoints.data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                endpointList.length === 0
                  ? 'There are no webhook endpoints.'
                  : `${endpointList.length} ${endpointList.length === 1 ? 'endpoint' : 'endpoints'}.`
              }`}
        </p>
      </div>
      {rotated !== null && <NewSecretPanel rotated={rotated} onDismiss={() => setRotated(null)} />}
      <h2>Recent deliveries</h2>
      {deliveryList.length > 0 && (
        <DeliveriesTable
          deliveries={deliveryList}
          endpoints={endpointList}
          canChange={canChange}
          onRedeliver={redeliver}
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {deliveries.loading && deliveries.data === null
            ? 'Loading…'
            : deliveryList.length === 0
              ? 'Nothing has been delivered yet.'
              : `The latest ${deliveryList.length} ${deliveryList.length === 1 ? 'delivery' : 'deliveries'}.`}
        </p>
        <button className="button button-secondary button-small" type="button" onClick={reloadAll}>
          Refresh
        </button>
      </div>
      {canChange && (
        <WebhookForm
          key={editing?.id ?? ''}
          editing={editing}
          onCancelEdit={() => setEditing(null)}
          onSaved={(endpoint, created) => {
            setFailed(null);
            setEditing(null);
            setDone(`${created ? 'Added' : 'Saved'} ${endpoint.name}.`);
            endpoints.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={rotating !== null}
        title={`Rotate the secret of ${rotating?.name ?? ''}?`}
        confirmLabel="Rotate secret"
        busy={rotateBusy}
        error={rotateError}
        onConfirm={() => void rotate()}
        onCancel={() => setRotating(null)}
      >
        <p>
          Privet makes a new signing secret and shows it once. Deliveries are signed with it at once: the
          receiver rejects them until it has the new secret.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove endpoint"
        busy={removeBusy}
        error={removeError}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Deliveries still waiting for <code>{removing?.url}</code> are cancelled; past deliveries stay on
          record.
        </p>
      </ConfirmDialog>
    </>
  );
}
