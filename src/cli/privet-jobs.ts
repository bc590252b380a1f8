import type { Config } from '../config/load-config.ts';
import { consentJobs } from '../consent/consent-jobs.ts';
import { consentErasureListener } from '../consent/decisions/consent-erasure-listener.ts';
import { marketingJobs } from '../consent/marketing/marketing-jobs.ts';
import type { SharedDecider } from '../consent/decisions/shared-decider.ts';
import type { Clock } from '../domain/clock.ts';
import { drpJobs } from '../drp/drp-jobs.ts';
import { drpStatusListener } from '../drp/drp-status-listener.ts';
import { rateLimitJobs } from '../http/rate-limit-jobs.ts';
import { builtInJobs } from '../jobs/built-in-jobs.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import { mailJobs } from '../mail/mail-jobs.ts';
import { requestJobs } from '../requests/request-jobs.ts';
import type { MailTransport } from '../mail/mail-transport.ts';
import type { Store } from '../store/store.ts';
import { art19Listener } from '../webhooks/art19/art19-listener.ts';
import { webhookJobs } from '../webhooks/webhook-jobs.ts';

export interface PrivetJobDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Config;
  readonly transport?: MailTransport;
  /** The process's purpose decider, shared with its HTTP routes. */
  readonly decisions: SharedDecider;
}

/** Every job kind and schedule of a Privet process; each capability contributes its job set here. */
export function privetJobs(deps: PrivetJobDeps): JobRegistry {
  // Who hears of a request's status changes: authorized agents (DRP callbacks) and, after rectification,
  // erasure or restriction, every recipient of the data (Art. 19); after erasure, the consent deciders.
  const listeners = [drpStatusListener(deps), art19Listener(deps), consentErasureListener(deps)];
  return builtInJobs(
    mailJobs(deps),
    webhookJobs(deps),
    drpJobs(deps),
    requestJobs(deps, { listeners }),
    marketingJobs(deps),
    consentJobs(deps),
    rateLimitJobs(deps),
  );
}
