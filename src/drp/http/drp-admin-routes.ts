import { createHash } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { AGENT_ID_PATTERN, type DrpAgent } from '../drp-agent.ts';
import { listAgents } from '../agent-registry.ts';
import { readDrpBusinessSettings, writeDrpBusinessSettings } from '../drp-business.ts';
import { loadAgentDirectory } from '../load-agent-directory.ts';
import { decodeVerifyKey } from '../verify-key.ts';
import { AgentEntrySchema, removeAgent, saveAgent } from '../manage-agents.ts';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

const AgentView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  verify_key: Type.String({ description: 'Base64 of the raw 32-byte Ed25519 key' }),
  web_url: Nullable(Type.String()),
  identity_assurance_url: Nullable(Type.String()),
  technical_contact: Nullable(Type.String()),
  business_contact: Nullable(Type.String()),
  supported_verifications: Type.Array(Type.String()),
  source: Type.Union([Type.Literal('directory'), Type.Literal('admin')]),
  verify_key_fingerprint: Type.String({
    description: 'SHA256: and the unpadded Base64 of the SHA-256 of the raw key, to compare keys by eye',
  }),
  last_request_at: Nullable(Type.String({ description: 'When the agent last sent a data-rights request' })),
  last_status_callback: Nullable(
    Type.String({ description: 'The status_callback URL of that latest request, if it gave one' }),
  ),
});

const SettingsBody = Type.Object({
  businessId: Type.Optional(
    Type.String({ pattern: AGENT_ID_PATTERN, description: 'This business in the DRP directory' }),
  ),
  startVerifiedRequests: Type.Optional(
    Type.Boolean({
      description:
        'Start requests whose identity the agent verified enough for the action without waiting for staff',
    }),
  ),
});
const SettingsView = Type.Object({
  businessId: Nullable(Type.String()),
  businessIdSource: Type.Union([Type.Literal('environment'), Type.Literal('settings'), Type.Null()]),
  agentsFile: Nullable(Type.String()),
  directoryIssues: Type.Array(Type.Object({ index: Type.Integer(), message: Type.String() })),
  startVerifiedRequests: Type.Boolean(),
});
const CallbackView = Type.Object({
  id: Type.String(),
  drp_request_id: Type.String(),
  request_id: Type.String(),
  agent_id: Type.String(),
  event_id: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  last_http_status: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Nullable(Type.String()),
  sent_status: Nullable(Type.String()),
  next_attempt_at: Type.String(),
  created_at: Type.String(),
  delivered_at: Nullable(Type.String()),
});
const IdParams = Type.Object({ agentId: Type.String({ pattern: AGENT_ID_PATTERN }) });
const tags = ['drp'];

/** The agent's latest data-rights request: when it came and where its status changes go. */
interface AgentActivity {
  readonly created_at: string;
  readonly status_callback: string | null;
}

async function latestRequestOf(deps: AppDeps, agentId: string): Promise<AgentActivity | undefined> {
  return deps.store.db
    .selectFrom('drp_requests')
    .select(['created_at', 'status_callback'])
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function keyFingerprint(verifyKey: string): string {
  const raw = decodeVerifyKey(verifyKey) ?? Buffer.from(verifyKey, 'utf8');
  return `SHA256:${createHash('sha256').update(raw).digest('base64').replace(/=+$/, '')}`;
}

async function view(deps: AppDeps, agent: DrpAgent) {
  const latest = await latestRequestOf(deps, agent.id);
  return {
    id: agent.id,
    name: agent.name,
    verify_key: agent.verifyKey,
    web_url: agent.webUrl,
    identity_assurance_url: agent.identityAssuranceUrl,
    technical_contact: agent.technicalContact,
    business_contact: agent.businessContact,
    supported_verifications: [...agent.supportedVerifications],
    source: agent.source,
    verify_key_fingerprint: keyFingerprint(agent.verifyKey),
    last_request_at: latest?.created_at ?? null,
    last_status_callback: latest?.status_callback ?? null,
  };
}

/** Admin API for DRP: the trusted agents (stored ones here, plus the directory file) and this business's id. */
export async function registerDrpAdminRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/drp/agents',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Authorized agents Privet trusts: from the directory file and added here',
        tags,
        response: { 200: Type.Object({ items: Type.Array(AgentView) }) },
      },
    },
    async () => ({ items: await Promise.all((await listAgents(deps)).map((agent) => view(deps, agent))) }),
  );

  app.post(
    '/api/admin/drp/agents',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add an authorized agent (a DRP directory entry)',
        tags,
        body: AgentEntrySchema,
        response: { 201: AgentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await view(deps, await saveAgent(deps, request.body, principalOf(request).actor, 'create'))),
  );

  app.put(
    '/api/admin/drp/agents/:agentId',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add or replace an authorized agent; a new key voids its bearer tokens',
        tags,
        params: IdParams,
        body: AgentEntrySchema,
        response: { 200: AgentView },
      },
    },
    async (request) => {
      const entry = { ...request.body, id: request.params.agentId };
      return view(deps, await saveAgent(deps, entry, principalOf(request).actor, 'replace'));
    },
  );

  app.delete(
    '/api/admin/drp/agents/:agentId',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove an agent added here, with its bearer tokens',
        tags,
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeAgent(deps, request.params.agentId, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/drp/callbacks',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Status callbacks owed to agents: pending, delivered, superseded or failed, newest first',
        tags,
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(['pending', 'delivered', 'superseded', 'failed'])),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(CallbackView) }) },
      },
    },
    async (request) => {
      let query = deps.store.db
        .selectFrom('drp_callbacks as c')
        .innerJoin('drp_requests as d', 'd.id', 'c.drp_request_id')
        .select([
          'c.id',
          'c.drp_request_id',
          'd.request_id',
          'd.agent_id',
          'c.event_id',
          'c.status',
          'c.attempts',
          'c.last_http_status',
          'c.last_error',
          'c.sent_status',
          'c.next_attempt_at',
          'c.created_at',
          'c.delivered_at',
        ])
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(request.query.limit);
      if (request.query.status !== undefined) query = query.where('c.status', '=', request.query.status);
      return { items: await query.execute() };
    },
  );

  app.get(
    '/api/admin/drp/settings',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'DRP set-up: business id and agent directory',
        tags,
        response: { 200: SettingsView },
      },
    },
    async () => settingsView(deps),
  );

  app.put(
    '/api/admin/drp/settings',
    {
      config: { role: 'admin' },
      schema: {
        summary:
          'Set this business’s DRP business-id (PRIVET_DRP_BUSINESS_ID, when set, wins) and whether agent-verified requests start at once',
        tags,
        body: SettingsBody,
        response: { 200: SettingsView },
      },
    },
    async (request) => {
      await deps.store.transaction(async (trx) => {
        const saved = await readDrpBusinessSettings(trx);
        const businessId = request.body.businessId ?? saved?.businessId;
        const settings = {
          ...(businessId === undefined ? {} : { businessId }),
          startVerifiedRequests: request.body.startVerifiedRequests ?? saved?.startVerifiedRequests ?? false,
        };
        await writeDrpBusinessSettings(trx, settings, deps.clock.now());
        await appendAudit(
          deps,
          {
            actor: principalOf(request).actor,
            action: 'drp.settings_update',
            target: 'drp:settings',
            details: { ...settings },
          },
          trx,
        );
      });
      return settingsView(deps);
    },
  );
}

async function settingsView(deps: AppDeps): Promise<Static<typeof SettingsView>> {
  const saved = await readDrpBusinessSettings(deps.store.db);
  const directory = await loadAgentDirectory(deps.config.drpAgentsFile);
  const fromEnv = deps.config.drpBusinessId;
  return {
    businessId: fromEnv ?? saved?.businessId ?? null,
    businessIdSource:
      fromEnv !== undefined ? 'environment' : saved?.businessId !== undefined ? 'settings' : null,
    agentsFile: deps.config.drpAgentsFile ?? null,
    directoryIssues: [...directory.issues],
    startVerifiedRequests: saved?.startVerifiedRequests ?? false,
  };
}
