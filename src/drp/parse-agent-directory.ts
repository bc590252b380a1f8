import { canonicalVerifyKey } from './verify-key.ts';
import { AGENT_ID_PATTERN, type DrpAgent } from './drp-agent.ts';

/** An entry the directory holds but Privet cannot use, and why. */
export interface DirectoryIssue {
  readonly index: number;
  readonly message: string;
}

const AGENT_ID = new RegExp(AGENT_ID_PATTERN);

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function entriesOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document as unknown[];
  if (typeof document === 'object' && document !== null) {
    const agents: unknown = (document as Record<string, unknown>).agents;
    if (Array.isArray(agents)) return agents as unknown[];
    // A map keyed by agent id: the key stands in for a missing `id`.
    return Object.entries(document as Record<string, unknown>).map(([id, entry]): unknown =>
      typeof entry === 'object' && entry !== null ? { id, ...entry } : entry,
    );
  }
  return [];
}

/**
 * Reads an agent directory document leniently: a list of agent entries (the spec's format), `{agents: [...]}`
 * or a map keyed by id; verify keys in Base64 or hex; `supported_verfications` accepted for
 * `supported_verifications`. Entries without a usable id or key are skipped and reported.
 */
export function parseAgentDirectory(document: unknown): { agents: DrpAgent[]; issues: DirectoryIssue[] } {
  const agents: DrpAgent[] = [];
  const issues: DirectoryIssue[] = [];
  entriesOf(document).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) {
      issues.push({ index, message: 'entry is not an object' });
      return;
    }
    const e = entry as Record<string, unknown>;
    const id = text(e.id);
    if (id === null || !AGENT_ID.test(id)) {
      issues.push({ index, message: `id ${JSON.stringify(e.id)} is not a valid agent id` });
      return;
    }
    const verifyKey = typeof e.verify_key === 'string' ? canonicalVerifyKey(e.verify_key) : undefined;
    if (verifyKey === undefined) {
      issues.push({
        index,
        message: `agent ${id}: verify_key is not a 32-byte Ed25519 key in Base64 or hex`,
      });
      return;
    }
    agents.push({
      id,
      name: text(e.name) ?? id,
      verifyKey,
      webUrl: text(e.web_url),
      identityAssuranceUrl: text(e.identity_assurance_url),
      technicalContact: text(e.technical_contact),
      businessContact: text(e.business_contact),
      supportedVerifications: list(e.supported_verifications ?? e.supported_verfications),
      source: 'directory',
    });
  });
  return { agents, issues };
}
