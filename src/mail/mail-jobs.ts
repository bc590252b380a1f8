import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import { defineJob, type JobDefinition } from '../jobs/job-definition.ts';
import { defineSchedule, type ScheduleDefinition } from '../jobs/define-schedule.ts';
import type { Store } from '../store/store.ts';
import { createSmtpTransport } from './create-smtp-transport.ts';
import { deliverOutboxEntry } from './deliver-outbox-entry.ts';
import { mailDeliveryJob } from './deliver-mail-job.ts';
import type { MailTransport } from './mail-transport.ts';

export interface MailJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Pick<Config, 'smtpUrl'>;
  /** Tests pass a transport; otherwise one is made from `config.smtpUrl` when it is set. */
  readonly transport?: MailTransport;
}

/** How often queued mail without a delivery job (written inside another transaction) is swept up. */
export const MAIL_SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 200;

/** The mail jobs: deliver one entry, and a sweep that delivers queued entries nobody is sending. */
export function mailJobs(deps: MailJobDeps): {
  definitions: JobDefinition[];
  schedules: ScheduleDefinition[];
} {
  const transport =
    deps.transport ?? (deps.config.smtpUrl ? createSmtpTransport(deps.config.smtpUrl) : undefined);
  if (transport === undefined) return { definitions: [], schedules: [] };
  const deliverDeps = { store: deps.store, clock: deps.clock, transport };

  const deliver = mailDeliveryJob(deliverDeps);

  const sweep = defineJob({
    kind: 'mail.sweep',
    maxAttempts: 1,
    timeoutMs: 10 * 60_000,
    handler: async (_payload, ctx) => {
      const now = deps.clock.now().toISOString();
      const due = await deps.store.db
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .orderBy('id')
        .limit(SWEEP_BATCH)
        .execute();
      for (const { id } of due) {
        ctx.signal.throwIfAborted();
        try {
          await deliverOutboxEntry(deliverDeps, id, ctx.signal);
        } catch (error) {
          // A transient failure is recorded on the entry; the next sweep tries again.
          ctx.log.warn(
            { outboxId: id, reason: error instanceof Error ? error.message : String(error) },
            'mail not delivered',
          );
        }
      }
    },
  });

  return {
    definitions: [deliver, sweep],
    schedules: [defineSchedule({ name: 'mail-sweep', kind: 'mail.sweep', every: MAIL_SWEEP_EVERY_MS })],
  };
}
