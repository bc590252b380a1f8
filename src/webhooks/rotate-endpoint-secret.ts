import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/append-audit.ts';
import { requireEndpointRow, toWebhookEndpoint } from './endpoint-repository.ts';
import type { WebhookDeps } from './webhook-deps.ts';
import type { WebhookEndpoint } from './webhook-endpoint.ts';
import { webhookSecretBox } from './webhook-secret-box.ts';

/** A new secret and the endpoint it now signs for. */
export interface RotatedSecret {
  readonly endpoint: WebhookEndpoint;
  /** 64 hex characters (256 bits); returned this once, stored only sealed. */
  readonly secret: string;
}

/**
 * Replaces an endpoint's signing secret with one Privet generates, effective for the next delivery attempt.
 * The caller hands the secret to the receiver: it is never shown again. Audited without it.
 */
export async function rotateEndpointSecret(
  deps: WebhookDeps,
  id: string,
  actor: string,
): Promise<RotatedSecret> {
  const secret = randomBytes(32).toString('hex');
  return deps.store.transaction(async (trx) => {
    await requireEndpointRow(trx, id);
    const at = deps.clock.now().toISOString();
    await trx
      .updateTable('webhook_endpoints')
      .set({ secret_sealed: webhookSecretBox(deps.config.secret).seal(secret), updated_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      deps,
      { actor, action: 'webhooks.endpoint.rotate_secret', target: `webhook:${id}`, details: {} },
      trx,
    );
    return { endpoint: toWebhookEndpoint(await requireEndpointRow(trx, id)), secret };
  });
}
