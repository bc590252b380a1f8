import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { PrivetError } from '../../domain/errors.ts';
import { deliverWebhook } from '../deliver-webhook.ts';
import { listDeliveries, WebhookDeliverySchema } from '../delivery-records.ts';
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  requireEndpointRow,
  toWebhookEndpoint,
  updateEndpoint,
} from '../endpoint-repository.ts';
import { redeliverWebhook, sendTestEvent } from '../redeliver-webhook.ts';
import { rotateEndpointSecret } from '../rotate-endpoint-secret.ts';
import { defaultDeliveryPolicy, type WebhookDeps } from '../webhook-deps.ts';
import {
  endpointForRole,
  NewWebhookEndpointSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
} from '../webhook-endpoint.ts';
import { DELIVERY_STATUSES } from '../webhook-event-kinds.ts';

const tags = ['webhooks'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

async function oneDelivery(deps: WebhookDeps, id: string) {
  const [delivery] = await listDeliveries(deps.store.db, { ids: [id] });
  if (!delivery) throw new PrivetError('not_found', `No webhook delivery ${id}`);
  return delivery;
}

/**
 * `/api/admin/webhooks`: endpoints (secrets go in, never out, except a secret Privet generates on rotation,
 * shown once; URLs to admins only), their deliveries, redelivery and test events.
 */
export async function registerWebhookAdminRoutes(app: PrivetApp, appDeps: AppDeps): Promise<void> {
  const deps: WebhookDeps = {
    store: appDeps.store,
    clock: appDeps.clock,
    config: appDeps.config,
    queue: appDeps.queue,
  };

  app.get(
    '/api/admin/webhooks',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List webhook endpoints (URLs to admins only)',
        tags,
        response: { 200: Type.Object({ endpoints: Type.Array(WebhookEndpointSchema) }) },
      },
    },
    async (request) => {
      const { role } = principalOf(request);
      return { endpoints: (await listEndpoints(deps.store.db)).map((e) => endpointForRole(e, role)) };
    },
  );

  app.post(
    '/api/admin/webhooks',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a webhook endpoint (https only; the secret is stored sealed and never shown)',
        tags,
        body: NewWebhookEndpointSchema,
        response: { 201: WebhookEndpointSchema },
      },
    },
    async (request, reply) => {
      const created = await createEndpoint(deps, request.body, principalOf(request).actor);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/admin/webhooks/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One webhook endpoint (its URL to admins only)',
        tags,
        params: IdParams,
        response: { 200: WebhookEndpointSchema },
      },
    },
    async (request) =>
      endpointForRole(
        toWebhookEndpoint(await requireEndpointRow(deps.store.db, request.params.id)),
        principalOf(request).role,
      ),
  );

  app.post(
    '/api/admin/webhooks/:id/rotate-secret',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Replace the signing secret with a new one Privet generates, returned this once',
        description:
          'The new secret signs every delivery attempt from now on: give it to the receiver at once. It is ' +
          'stored sealed and never shown again. To set a secret of your own, PATCH `secret` instead.',
        tags,
        params: IdParams,
        response: { 200: Type.Object({ endpoint: WebhookEndpointSchema, secret: Type.String() }) },
      },
    },
    async (request, reply) => {
      // Never cached: the only copy of the secret Privet hands out.
      void reply.header('cache-control', 'no-store');
      return rotateEndpointSecret(deps, request.params.id, principalOf(request).actor);
    },
  );

  app.patch(
    '/api/admin/webhooks/:id',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Change a webhook endpoint; a new secret replaces the old one at once',
        tags,
        params: IdParams,
        body: WebhookEndpointPatchSchema,
        response: { 200: WebhookEndpointSchema },
      },
    },
    async (request) => updateEndpoint(deps, request.params.id, request.body, principalOf(request).actor),
  );

  app.delete(
    '/api/admin/webhooks/:id',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove a webhook endpoint: pending deliveries are cancelled, the record is kept',
        tags,
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(deps, request.params.id, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/webhooks/:id/deliveries',
    {
      config: { role: 'viewer' },
      schema: {
        summary: "An endpoint's deliveries, newest first, each with its attempts",
        tags,
        params: IdParams,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(DELIVERY_STATUSES)),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ deliveries: Type.Array(WebhookDeliverySchema) }) },
      },
    },
    async (request) => {
      await requireEndpointRow(deps.store.db, request.params.id);
      const { status, limit } = request.query;
      const deliveries = await listDeliveries(deps.store.db, {
        endpointId: request.params.id,
        limit,
        ...(status === undefined ? {} : { status }),
      });
      return { deliveries };
    },
  );

  app.get(
    '/api/admin/webhooks/deliveries',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Deliveries to every endpoint, newest first (e.g. `status=failed` to find given-up ones)',
        tags,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(DELIVERY_STATUSES)),
          eventId: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ deliveries: Type.Array(WebhookDeliverySchema) }) },
      },
    },
    async (request) => {
      const { status, eventId, limit } = request.query;
      const deliveries = await listDeliveries(deps.store.db, {
        limit,
        ...(status === undefined ? {} : { status }),
        ...(eventId === undefined ? {} : { eventId }),
      });
      return { deliveries };
    },
  );

  app.post(
    '/api/admin/webhooks/deliveries/:id/redeliver',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Send a delivered or failed event again (same event id) as a new delivery',
        tags,
        params: IdParams,
        response: { 202: WebhookDeliverySchema },
      },
    },
    async (request, reply) => {
      const id = await redeliverWebhook(deps, request.params.id, principalOf(request).actor);
      return reply.status(202).send(await oneDelivery(deps, id));
    },
  );

  app.post(
    '/api/admin/webhooks/:id/test',
    {
      config: { role: 'admin' },
      schema: {
        summary:
          'Send a signed `webhook.test` event now and report the first attempt (retried like any other)',
        tags,
        params: IdParams,
        response: { 200: WebhookDeliverySchema },
      },
    },
    async (request) => {
      const id = await sendTestEvent(deps, request.params.id, principalOf(request).actor);
      await deliverWebhook(deps, id, AbortSignal.timeout(defaultDeliveryPolicy.timeoutMs + 5_000), {
        force: true,
      });
      return oneDelivery(deps, id);
    },
  );
}
