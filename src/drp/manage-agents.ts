import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/append-audit.ts';
import type { Clock } from '../domain/clock.ts';
import { PrivetError } from '../domain/errors.ts';
import type { Store } from '../store/store.ts';
import { agentFromRow } from './agent-registry.ts';
import { AGENT_ID_PATTERN, type DrpAgent } from './drp-agent.ts';
import { canonicalVerifyKey } from './verify-key.ts';

/** An agent as the admin API takes it: the spec's directory entry fields (3.05.1). */
export const AgentEntrySchema = Type.Object({
  id: Type.String({ pattern: AGENT_ID_PATTERN }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  verify_key: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Ed25519 verify key: Base64 (as in the directory) or hex of the raw 32 bytes',
  }),
  web_url: Type.Optional(Type.String({ maxLength: 2000 })),
  identity_assurance_url: Type.Optional(Type.String({ maxLength: 2000 })),
  technical_contact: Type.Optional(Type.String({ maxLength: 320 })),
  business_contact: Type.Optional(Type.String({ maxLength: 320 })),
});
export type AgentEntry = Static<typeof AgentEntrySchema>;

interface ManageDeps {
  readonly store: Store;
  readonly clock: Clock;
}

function verifyKeyOf(entry: AgentEntry): string {
  const key = canonicalVerifyKey(entry.verify_key);
  if (key === undefined) {
    throw new PrivetError('validation_failed', 'verify_key is not a 32-byte Ed25519 key in Base64 or hex', {
      issues: [{ code: 'invalid_key', path: 'body.verify_key', message: 'must be 32 bytes, Base64 or hex' }],
    });
  }
  return key;
}

/** Adds or replaces a stored agent (its key may rotate); audited with the actor. */
export async function saveAgent(
  deps: ManageDeps,
  entry: AgentEntry,
  actor: string,
  mode: 'create' | 'replace',
): Promise<DrpAgent> {
  const verifyKey = verifyKeyOf(entry);
  const at = deps.clock.now().toISOString();
  const fields = {
    name: entry.name,
    verify_key: verifyKey,
    web_url: entry.web_url ?? null,
    identity_assurance_url: entry.identity_assurance_url ?? null,
    technical_contact: entry.technical_contact ?? null,
    business_contact: entry.business_contact ?? null,
    updated_at: at,
  };
  return deps.store.transaction(async (trx) => {
    const existing = await trx
      .selectFrom('drp_agents')
      .select(['id', 'verify_key'])
      .where('id', '=', entry.id)
      .executeTakeFirst();
    if (existing !== undefined && mode === 'create') {
      throw new PrivetError('conflict', `Agent ${entry.id} exists already; replace it with PUT`);
    }
    if (existing === undefined) {
      await trx
        .insertInto('drp_agents')
        .values({ id: entry.id, ...fields, created_at: at })
        .execute();
    } else {
      await trx.updateTable('drp_agents').set(fields).where('id', '=', entry.id).execute();
      // A new key means the old one may be compromised: tokens set up with it stop working.
      if (existing.verify_key !== verifyKey) {
        await trx.deleteFrom('drp_tokens').where('agent_id', '=', entry.id).execute();
      }
    }
    await appendAudit(
      deps,
      {
        actor,
        action: existing === undefined ? 'drp.agent_create' : 'drp.agent_update',
        target: `drp-agent:${entry.id}`,
        details: {
          name: entry.name,
          keyChanged: existing !== undefined && existing.verify_key !== verifyKey,
        },
      },
      trx,
    );
    const row = await trx
      .selectFrom('drp_agents')
      .selectAll()
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    return agentFromRow(row);
  });
}

/** Removes a stored agent and its tokens; directory agents are removed by editing the directory file. */
export async function removeAgent(deps: ManageDeps, id: string, actor: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const removed = await trx.deleteFrom('drp_agents').where('id', '=', id).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) {
      throw new PrivetError(
        'not_found',
        `No agent ${id} was added through the admin API (directory agents live in the directory file)`,
      );
    }
    await trx.deleteFrom('drp_tokens').where('agent_id', '=', id).execute();
    await appendAudit(deps, { actor, action: 'drp.agent_delete', target: `drp-agent:${id}` }, trx);
  });
}
