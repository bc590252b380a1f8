/** An authorized agent as GET /api/admin/drp/agents shows it. */
export interface DrpAgentView {
  readonly id: string;
  readonly name: string;
  readonly verify_key: string;
  readonly verify_key_fingerprint: string;
  readonly web_url: string | null;
  readonly identity_assurance_url: string | null;
  readonly technical_contact: string | null;
  readonly business_contact: string | null;
  readonly supported_verifications: readonly string[];
  /** `directory`: from the configured directory file; `admin`: added through the admin API or this page. */
  readonly source: 'directory' | 'admin';
  readonly last_request_at: string | null;
  /** The status_callback of the agent's latest request, if it gave one. */
  readonly last_status_callback: string | null;
}

/** This business's DRP set-up as GET/PUT /api/admin/drp/settings show it. */
export interface DrpSettings {
  readonly businessId: string | null;
  readonly businessIdSource: 'environment' | 'settings' | null;
  readonly agentsFile: string | null;
  readonly directoryIssues: readonly { readonly index: number; readonly message: string }[];
  readonly startVerifiedRequests: boolean;
}

/** Where the business id comes from, in words. */
export function businessIdSourceText(settings: DrpSettings): string {
  if (settings.businessIdSource === 'environment') return 'the PRIVET_DRP_BUSINESS_ID environment variable';
  if (settings.businessIdSource === 'settings') return 'the saved DRP settings (PUT /api/admin/drp/settings)';
  return 'not set: agents cannot send requests until it is';
}

/** Where an agent comes from, in words short enough for a table cell. */
export function agentSourceText(agent: DrpAgentView): string {
  return agent.source === 'directory' ? 'Directory file' : 'Added here (API)';
}
