import type { ComponentType } from 'react';
import { roleAllows, type Role } from '../../src/domain/roles.ts';
import { AccountPage } from './account-page.tsx';
import { ApiKeysPage } from './api-keys/api-keys-page.tsx';
import { AuditLogPage } from './audit/audit-log-page.tsx';
import { BannerPage } from './consent/banner-page.tsx';
import { ConsentRecordsPage } from './consent/consent-records-page.tsx';
import { ConnectionsPage } from './datamap/connections/connections-page.tsx';
import { DatamapOverviewPage } from './datamap/datamap-overview-page.tsx';
import { DrpPage } from './drp/drp-page.tsx';
import { DatasetsPage } from './datamap/datasets/datasets-page.tsx';
import { GraphPage } from './datamap/graph/graph-page.tsx';
import { PurposesPage } from './datamap/model/purposes-page.tsx';
import { RecipientsPage } from './datamap/model/recipients-page.tsx';
import { SystemsPage } from './datamap/model/systems-page.tsx';
import { TaxonomyPage } from './datamap/taxonomy/taxonomy-page.tsx';
import { TransfersPage } from './datamap/transfers/transfers-page.tsx';
import { JobsPage } from './jobs/jobs-page.tsx';
import { CampaignsPage } from './marketing/campaigns-page.tsx';
import { MarketingListsPage } from './marketing/marketing-lists-page.tsx';
import { OutboxPage } from './outbox/outbox-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { RequestsPage } from './requests/requests-page.tsx';
import { OrganisationPage } from './settings/organisation-page.tsx';
import { UsersPage } from './users/users-page.tsx';
import { WebhooksPage } from './webhooks/webhooks-page.tsx';

/** One entry of the admin console's navigation and the page it opens. */
export interface AdminSection {
  /** The page's path; deeper paths (/admin/audit/…) belong to the same section. */
  readonly path: string;
  readonly label: string;
  readonly page: ComponentType;
  /** The weakest role that sees the section; everyone signed in when absent. */
  readonly minRole?: Role;
  /** False for a page reached from elsewhere (the top bar), not from the navigation. */
  readonly inNav?: boolean;
}

/** Every section of the admin console, in navigation order: a new capability adds one entry here. */
export const sections: readonly AdminSection[] = [
  { path: '/admin', label: 'Overview', page: OverviewPage },
  { path: '/admin/requests', label: 'Requests', page: RequestsPage, minRole: 'viewer' },
  { path: '/admin/audit', label: 'Audit log', page: AuditLogPage },
  { path: '/admin/datamap', label: 'Data map', page: DatamapOverviewPage, minRole: 'viewer' },
  { path: '/admin/datamap/graph', label: 'Graph', page: GraphPage, minRole: 'viewer' },
  { path: '/admin/datamap/datasets', label: 'Datasets', page: DatasetsPage, minRole: 'viewer' },
  { path: '/admin/datamap/systems', label: 'Systems', page: SystemsPage, minRole: 'viewer' },
  { path: '/admin/datamap/purposes', label: 'Purposes', page: PurposesPage, minRole: 'viewer' },
  { path: '/admin/datamap/recipients', label: 'Recipients', page: RecipientsPage, minRole: 'viewer' },
  { path: '/admin/datamap/transfers', label: 'Transfers', page: TransfersPage, minRole: 'viewer' },
  { path: '/admin/datamap/taxonomy', label: 'Taxonomy', page: TaxonomyPage, minRole: 'viewer' },
  { path: '/admin/datamap/connections', label: 'Connections', page: ConnectionsPage, minRole: 'viewer' },
  { path: '/admin/jobs', label: 'Jobs', page: JobsPage, minRole: 'viewer' },
  { path: '/admin/outbox', label: 'Outbox', page: OutboxPage, minRole: 'operator' },
  { path: '/admin/consent', label: 'Consent records', page: ConsentRecordsPage, minRole: 'viewer' },
  { path: '/admin/consent/banner', label: 'Banner and notice', page: BannerPage, minRole: 'viewer' },
  { path: '/admin/marketing', label: 'Marketing lists', page: MarketingListsPage, minRole: 'viewer' },
  // Reached from the marketing lists page.
  {
    path: '/admin/marketing/campaigns',
    label: 'Marketing campaigns',
    page: CampaignsPage,
    minRole: 'viewer',
    inNav: false,
  },
  { path: '/admin/webhooks', label: 'Webhooks', page: WebhooksPage, minRole: 'viewer' },
  { path: '/admin/drp', label: 'Data Rights Protocol', page: DrpPage, minRole: 'viewer' },
  { path: '/admin/organisation', label: 'Organisation', page: OrganisationPage, minRole: 'viewer' },
  { path: '/admin/users', label: 'Users', page: UsersPage, minRole: 'admin' },
  { path: '/admin/api-keys', label: 'API keys', page: ApiKeysPage, minRole: 'admin' },
  { path: '/admin/account', label: 'Your account', page: AccountPage, inNav: false },
];

/** The sections a role may see. */
export function visibleSections(role: Role): AdminSection[] {
  return sections.filter((section) => section.minRole === undefined || roleAllows(role, section.minRole));
}

/** The section a path belongs to: the one with the longest matching path; /admin itself only matches exactly. */
export function findSection(list: readonly AdminSection[], pathname: string): AdminSection | undefined {
  let best: AdminSection | undefined;
  for (const section of list) {
    const matches =
      pathname === section.path || (section.path !== '/admin' && pathname.startsWith(section.path + '/'));
    if (matches && (best === undefined || section.path.length > best.path.length)) best = section;
  }
  return best;
}
