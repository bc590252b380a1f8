import { useEffect, useState } from 'react';
import { Link } from '../../shared/link.tsx';
import { roleAllows } from '../../../src/domain/roles.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useSession } from '../admin-context.ts';
import { DateTime } from '../date-time.tsx';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { CampaignForm } from './campaign-form.tsx';
import type { Campaign, MarketingListList } from './marketing-list.ts';
import { UnsubscribeLinkTool } from './unsubscribe-link-tool.tsx';

// How often the table is read again while a campaign is still going out.
const POLL_MS = 2000;

function sentText(campaign: Campaign): string {
  const skipped = campaign.skipped === 0 ? '' : `, ${campaign.skipped} skipped`;
  return campaign.status === 'sent'
    ? `Sent ${campaign.campaign} to ${campaign.queued} ${campaign.queued === 1 ? 'person' : 'people'}${skipped}.`
    : `Started ${campaign.campaign}: a background job sends it to ${campaign.recipients} subscribers.`;
}

/** Campaigns: sending one to a list, following the sending, and unsubscribe links for other mailers. */
export function CampaignsPage() {
  const session = useSession();
  const canSend = roleAllows(session.user.role, 'operator');
  const lists = useApiGet<MarketingListList>('/api/admin/marketing/lists');
  const campaigns = useApiGet<{ campaigns: Campaign[] }>('/api/admin/marketing/campaigns');
  const [done, setDone] = useState<string | null>(null);
  const shown = campaigns.data?.campaigns ?? [];
  const going = shown.some((c) => c.status === 'queued' || c.status === 'sending');
  const reloadCampaigns = campaigns.reload;

  useEffect(() => {
    if (!going) return;
    const timer = window.setTimeout(reloadCampaigns, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [going, shown, reloadCampaigns]);

  return (
    <>
      <PageHeading title="Marketing campaigns" titleSuffix="Privet admin" />
      <p className="lead">
        Mail to the people on a list.{' '}
        <Link to="/admin/marketing">Manage the lists and their subscribers</Link>.
      </p>
      {(lists.error ?? campaigns.error) !== null && (
        <p className="alert" role="alert">
          The campaigns could not be loaded: {lists.error ?? campaigns.error}
        </p>
      )}
      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading">Latest campaigns</h2>
        {shown.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Latest campaigns</caption>
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">List</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Skipped</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.campaign}>
                    <th scope="row" className="row-heading">
                      {c.campaign}
                    </th>
                    <td>{c.listKey}</td>
                    <td>{c.subject}</td>
                    <td>
                      <span className={`badge badge-campaign-${c.status}`}>{c.status}</span>
                      {c.error !== null && <span className="field-hint"> {c.error}</span>}
                    </td>
                    <td>{`${c.queued} of ${c.recipients}`}</td>
                    <td>{c.skipped}</td>
                    <td className="nowrap">
                      <DateTime value={c.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="table-footer">
          <p className="status" role="status">
            {campaigns.loading && campaigns.data === null
              ? 'Loading…'
              : `${done === null ? '' : `${done} `}${shown.length === 0 ? 'No campaign was sent yet.' : ''}`}
          </p>
        </div>
      </section>
      {canSend && (
        <>
          <CampaignForm
            lists={lists.data?.lists ?? []}
            onSent={(campaign) => {
              setDone(sentText(campaign));
              reloadCampaigns();
            }}
          />
          <UnsubscribeLinkTool lists={lists.data?.lists ?? []} />
        </>
      )}
    </>
  );
}
