import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import { checkWebhookUrl } from './target-policy.ts';
import type { WebhookDeps } from './webhook-deps.ts';
import {
  endpointForAudit,
  type NewWebhookEndpoint,
  type WebhookEndpoint,
  type WebhookEndpointPatch,
} from './webhook-endpoint.ts';
import type { WebhookEventKind } from './webhook-event-kinds.ts';
import { webhookSecretBox } from './webhook-secret-box.ts';

type EndpointRow = Database['webhook_endpoints'];

/** Maps a stored endpoint to the API shape, leaving the sealed secret behind. */
export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventKinds: JSON.parse(row.event_kinds) as WebhookEventKind[],
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The live (not deleted) endpoint row, or a `not_found` error. */
export async function requireEndpointRow(db: Kysely<Database>, id: string): Promise<EndpointRow> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new PrivetError('not_found', `No webhook endpoint ${id}`);
  return row;
}

/** Every live endpoint, by name. */
export async function listEndpoints(db: Kysely<Database>): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toWebhookEndpoint);
}

/**
 * Creates an endpoint with its secret sealed; the URL must pass the target policy. Audited without the secret
 * and with the URL's origin only.
 */
export async function createEndpoint(
  deps: WebhookDeps,
  input: NewWebhookEndpoint,
  actor: string,
): Promise<WebhookEndpoint> {
  const url = checkWebhookUrl(input.url, { allowLocal: deps.config.webhooksAllowLocal }).toString();
  const at = deps.clock.now().toISOString();
  const row: EndpointRow = {
    id: newId('whe', deps.clock.now()),
    name: input.name,
    url,
    secret_sealed: webhookSecretBox(deps.config.secret).seal(input.secret),
    event_kinds: JSON.stringify(input.eventKinds),
    enabled: input.enabled === false ? 0 : 1,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  return deps.store.transaction(async (trx) => {
    await trx.insertInto('webhook_endpoints').values(row).execute();
    const after = toWebhookEndpoint(row);
    await appendAudit(
      deps,
      {
        actor,
        action: 'webhooks.endpoint.create',
        target: `webhook:${row.id}`,
        details: { after: endpointForAudit(after) },
      },
      trx,
    );
    return after;
  });
}

/**
 * Changes an endpoint's fields; a new secret replaces the old one at once. Audited without secrets, and with
 * the URL's origin only (whether the URL changed is recorded).
 */
export async function updateEndpoint(
  deps: WebhookDeps,
  id: string,
  patch: WebhookEndpointPatch,
  actor: string,
): Promise<WebhookEndpoint> {
  const url =
    patch.url === undefined
      ? undefined
      : checkWebhookUrl(patch.url, { allowLocal: deps.config.webhooksAllowLocal }).toString();
  return deps.store.transaction(async (trx) => {
    const before = toWebhookEndpoint(await requireEndpointRow(trx, id));
    await trx
      .updateTable('webhook_endpoints')
      .set({
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(url === undefined ? {} : { url }),
        ...(patch.secret === undefined
          ? {}
          : { secret_sealed: webhookSecretBox(deps.config.secret).seal(patch.secret) }),
        ...(patch.eventKinds === undefined ? {} : { event_kinds: JSON.stringify(patch.eventKinds) }),
        ...(patch.enabled === undefined ? {} : { enabled: patch.enabled ? 1 : 0 }),
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    const after = toWebhookEndpoint(await requireEndpointRow(trx, id));
    const details = {
      before: endpointForAudit(before),
      after: endpointForAudit(after),
      urlChanged: before.url !== after.url,
      secretRotated: patch.secret !== undefined,
    };
    await appendAudit(
      deps,
      { actor, action: 'webhooks.endpoint.update', target: `webhook:${id}`, details },
      trx,
    );
    return after;
  });
}

/**
 * Deletes an endpoint: it receives nothing more and its pending deliveries are cancelled, while the record of
 * what it was sent stays (Art. 19 notices point at it). Audited.
 */
export async function deleteEndpoint(deps: WebhookDeps, id: string, actor: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const before = toWebhookEndpoint(await requireEndpointRow(trx, id));
    const at = deps.clock.now().toISOString();
    await trx
      .updateTable('webhook_endpoints')
      .set({ deleted_at: at, enabled: 0, updated_at: at })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'cancelled', next_attempt_at: null, updated_at: at, finished_at: at })
      .where('endpoint_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await trx
      .updateTable('art19_recipient_channels')
      .set({ endpoint_id: null, updated_at: at })
      .where('endpoint_id', '=', id)
      .execute();
    await appendAudit(
      deps,
      {
        actor,
        action: 'webhooks.endpoint.delete',
        target: `webhook:${id}`,
        details: { before: endpointForAudit(before) },
      },
      trx,
    );
  });
}
