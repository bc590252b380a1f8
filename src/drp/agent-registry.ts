import type { Config } from '../config/load-config.ts';
import type { Store } from '../store/store.ts';
import type { DrpAgent } from './drp-agent.ts';
import type { DrpTables } from './drp-tables.ts';
import { loadAgentDirectory } from './load-agent-directory.ts';

/** What looking agents up needs. */
export interface AgentRegistryDeps {
  readonly store: Store;
  readonly config: Pick<Config, 'drpAgentsFile'>;
}

/** A stored agent row as a DrpAgent. */
export function agentFromRow(row: DrpTables['drp_agents']): DrpAgent {
  return {
    id: row.id,
    name: row.name,
    verifyKey: row.verify_key,
    webUrl: row.web_url,
    identityAssuranceUrl: row.identity_assurance_url,
    technicalContact: row.technical_contact,
    businessContact: row.business_contact,
    supportedVerifications: [],
    source: 'admin',
  };
}

/**
 * The agent with this id. An agent added through the admin API wins over the directory file's entry of the
 * same id, so that an operator can pin a rotated key before the directory catches up.
 */
export async function findAgent(deps: AgentRegistryDeps, id: string): Promise<DrpAgent | undefined> {
  const row = await deps.store.db
    .selectFrom('drp_agents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row !== undefined) return agentFromRow(row);
  const directory = await loadAgentDirectory(deps.config.drpAgentsFile);
  return directory.agents.find((agent) => agent.id === id);
}

/** Every agent Privet trusts, stored ones first, then directory entries not overridden by a stored one. */
export async function listAgents(deps: AgentRegistryDeps): Promise<DrpAgent[]> {
  const rows = await deps.store.db.selectFrom('drp_agents').selectAll().orderBy('id').execute();
  const stored = rows.map(agentFromRow);
  const ids = new Set(stored.map((a) => a.id));
  const directory = await loadAgentDirectory(deps.config.drpAgentsFile);
  return [...stored, ...directory.agents.filter((a) => !ids.has(a.id))];
}
