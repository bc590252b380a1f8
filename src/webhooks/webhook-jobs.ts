import { Type } from 'typebox';
import { defineJob, type JobDefinition } from '../jobs/job-definition.ts';
import { defineSchedule, type ScheduleDefinition } from '../jobs/define-schedule.ts';
import { CONSENT_JOB_KIND } from './consent/consent-webhook-nudge.ts';
import { dispatchConsentChanges } from './consent/dispatch-consent-changes.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { DELIVER_JOB_KIND } from './emit-webhook-event.ts';
import { sweepWebhooks } from './sweep-webhooks.ts';
import type { DeliveryPolicy, WebhookDeps } from './webhook-deps.ts';

/** How often due deliveries (retries, deliveries no job took) and missed consent changes are picked up. */
export const WEBHOOK_SWEEP_EVERY_MS = 10_000;

/**
 * The webhook jobs: one delivery attempt, the consent dispatcher woken after consent commits, and the sweep
 * that makes retries once their backoff has passed. Retries live on the delivery rows, not in the queue, so
 * every attempt is recorded the same way whichever job makes it.
 */
export function webhookJobs(deps: WebhookDeps & { readonly policy?: DeliveryPolicy }): {
  definitions: JobDefinition[];
  schedules: ScheduleDefinition[];
} {
  const deliver = defineJob({
    kind: DELIVER_JOB_KIND,
    schema: Type.Object({ deliveryId: Type.String() }),
    maxAttempts: 1,
    timeoutMs: 5 * 60_000,
    handler: async ({ deliveryId }, ctx) => {
      await deliverWebhook(deps, deliveryId, ctx.signal);
    },
  });
  const consent = defineJob({
    kind: CONSENT_JOB_KIND,
    maxAttempts: 3,
    backoff: { baseMs: 1_000 },
    timeoutMs: 10 * 60_000,
    handler: async (_payload, ctx) => {
      const dispatched = await dispatchConsentChanges(deps, ctx.signal);
      for (const id of dispatched.deliveryIds) await deliverWebhook(deps, id, ctx.signal);
    },
  });
  const sweep = defineJob({
    kind: 'webhooks.sweep',
    maxAttempts: 1,
    timeoutMs: 10 * 60_000,
    handler: async (_payload, ctx) => {
      await dispatchConsentChanges(deps, ctx.signal);
      const result = await sweepWebhooks(deps, ctx.signal);
      if (result.attempted > 0) ctx.log.info({ ...result }, 'webhook sweep');
    },
  });
  return {
    definitions: [deliver, consent, sweep],
    schedules: [
      defineSchedule({ name: 'webhooks-sweep', kind: 'webhooks.sweep', every: WEBHOOK_SWEEP_EVERY_MS }),
    ],
  };
}
