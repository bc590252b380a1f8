import { Type } from 'typebox';
import { defineJob, type JobDefinition } from '../../jobs/job-definition.ts';
import type { ScheduleDefinition } from '../../jobs/define-schedule.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { failMarketingCampaign, runMarketingCampaign } from './run-marketing-campaign.ts';
import { CAMPAIGN_JOB_KIND } from './send-marketing-campaign.ts';

const ATTEMPTS = 5;

/**
 * The marketing jobs: sending a large list's campaign. An attempt continues from the campaign's cursor, so a
 * retry after a crash or a timeout mails nobody twice; after the last attempt the campaign is marked failed.
 */
export function marketingJobs(deps: MarketingDeps): {
  definitions: JobDefinition[];
  schedules: ScheduleDefinition[];
} {
  const send = defineJob({
    kind: CAMPAIGN_JOB_KIND,
    schema: Type.Object({ campaignId: Type.String({ minLength: 1, maxLength: 64 }) }),
    maxAttempts: ATTEMPTS,
    timeoutMs: 2 * 3_600_000,
    handler: async ({ campaignId }, ctx) => {
      try {
        const done = await runMarketingCampaign(deps, campaignId, { signal: ctx.signal });
        ctx.log.info(
          { campaign: done.campaign, queued: done.queued, skipped: done.skipped },
          'campaign sent',
        );
      } catch (error) {
        if (ctx.attempt >= ATTEMPTS && !ctx.signal.aborted) {
          await failMarketingCampaign(
            deps,
            campaignId,
            error instanceof Error ? error.message : String(error),
          );
        }
        throw error;
      }
    },
  });
  return { definitions: [send], schedules: [] };
}
