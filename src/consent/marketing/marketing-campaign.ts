import { Type, type Static } from 'typebox';
import type { Database } from '../../store/schema.ts';

export const campaignStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** A campaign as the API shows it: what was sent to which list, and how far the sending got. */
export const CampaignSchema = Type.Object(
  {
    campaign: Type.String({ description: 'The campaign id (also its tracking key)' }),
    listKey: Type.String(),
    subject: Type.String(),
    status: Type.Enum(campaignStatuses),
    recipients: Type.Integer({ description: 'Active, confirmed subscribers when the campaign started' }),
    queued: Type.Integer({ description: 'Mails written to the outbox so far' }),
    skipped: Type.Integer({
      description:
        'Subscribers not mailed because the purpose decision said no (objection, restriction, withdrawal)',
    }),
    tracked: Type.Integer({ description: 'Mails with an open pixel and click redirect (tracking consent)' }),
    jobId: Type.Union([Type.String(), Type.Null()], { description: 'The sending job of a large list' }),
    error: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.String(),
    createdAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'MarketingCampaign' },
);
export type Campaign = Static<typeof CampaignSchema>;

/** Maps a stored row to the API shape. */
export function campaignFromRow(row: Database['marketing_campaigns']): Campaign {
  return {
    campaign: row.id,
    listKey: row.list_key,
    subject: row.subject,
    status: row.status as CampaignStatus,
    recipients: Number(row.recipients),
    queued: Number(row.queued),
    skipped: Number(row.skipped),
    tracked: Number(row.tracked),
    jobId: row.job_id,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
