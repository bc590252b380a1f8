import type { Config } from '../../config/load-config.ts';
import type { WebhookDeps } from '../webhook-deps.ts';

/** What Art. 19 notices need: webhooks for recipients with an endpoint, mail for the others. */
export interface Art19Deps extends WebhookDeps {
  readonly config: Pick<Config, 'secret' | 'webhooksAllowLocal' | 'smtpUrl' | 'mailFrom'>;
}

/** Request types after which recipients must be told (GDPR Art. 19). */
export const ART19_REQUEST_TYPES = ['erasure', 'rectification', 'restriction'] as const;
export type Art19RequestType = (typeof ART19_REQUEST_TYPES)[number];

/** Statuses in which the change was carried out, wholly or in part. */
export const ART19_DONE_STATUSES = ['completed', 'partially_completed'] as const;

/** The webhook event kind of a notice. */
export const ART19_EVENT_KIND = 'art19.notice';
