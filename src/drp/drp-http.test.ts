import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { transitionRequest } from '../requests/lifecycle/transition-request.ts';
import { getRequest } from '../requests/read-request.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { sweepStatusCallbacks } from './drp-jobs.ts';
import { deliverStatusEvents } from './testing/deliver-status-events.ts';
import { startCallbackServer, type CallbackServer } from './testing/callback-server.ts';
import { envelope, newTestAgent, type TestAgent } from './testing/drp-test-agent.ts';

const BUSINESS = 'PRIVET_TEST_CB';
const START = '2026-03-02T10:00:00.000Z';

describe.each(['sqlite', 'postgres'] as const)(
  'DRP 1.0 over HTTP (%s)',
  (kind) => {
    const clock = fixedClock(START);
    const a = newTestAgent('AGENT_A');
    const b = newTestAgent('AGENT_B');
    const tokens = new Map<string, string>();
    let t: TestApp;
    let dir: string;
    let agentServer: CallbackServer;
    // No queue: status events are handed to the listener below, as the `requests.notify-sweep` job does.
    const deps = () => ({ store: t.store, clock, config: t.config });

    const signed = (agent: TestAgent, claims: Record<string, unknown>) => ({
      headers: {
        'content-type': 'text/plain',
        ...(tokens.has(agent.id) ? { authorization: `Bearer ${tokens.get(agent.id)}` } : {}),
      },
      payload: agent.signJson(claims),
    });
    const exerciseClaims = (agent: TestAgent, extra: Record<string, unknown>) => ({
      ...envelope(agent.id, BUSINESS, clock.now()),
      exercise: 'access',
      regime: 'ccpa',
      name: 'Random, John',
      email: 'jrandom@example.com',
      email_verified: true,
      // Access to specific pieces needs three verified claims before Privet relies on the agent
      // (identity-assurance.ts).
      phone_number: '+14155550100',
      phone_number_verified: true,
      address: { formatted: '1 Main St, Springfield, CA 90001' },
      address_verified: true,
      ...extra,
    });
    const deliverEvents = (requestId: string) => deliverStatusEvents(deps(), requestId);

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'privet-drp-'));
      const directory = join(dir, 'agents.json');
      // The live directory's misspelling and an unusable entry must not stop the good entry.
      await writeFile(
        directory,
        JSON.stringify([
          { id: a.id, name: 'Agent A', verify_key: a.verifyKey, supported_verfications: ['email'] },
          { id: 'BROKEN_AGENT', name: 'Broken', verify_key: 'not-a-key' },
        ]),
      );
      t = await startTestApp({
        kind,
        clock,
        env: {
          PRIVET_DRP_AGENTS_FILE: directory,
          PRIVET_DRP_BUSINESS_ID: BUSINESS,
          PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true',
        },
      });
      agentServer = await startCallbackServer();
    }, 120_000);
    afterAll(async () => {
      await agentServer.close();
      await t.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('lists directory agents and adds one through the admin API', async () => {
      const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/admin/drp/agents',
        headers: admin,
        payload: {
          id: b.id,
          name: 'Agent B',
          verify_key: Buffer.from(b.verifyKey, 'base64').toString('hex'),
        },
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ id: 'AGENT_B', verify_key: b.verifyKey, source: 'admin' });
      const list = await t.app.inject({ method: 'GET', url: '/api/admin/drp/agents', headers: admin });
      expect(list.json().items.map((x: { id: string; source: string }) => `${x.id}:${x.source}`)).toEqual([
        'AGENT_B:admin',
        'AGENT_A:directory',
      ]);
      expect(list.json().items[1].supported_verifications).toEqual(['email']);
      const settings = await t.app.inject({ method: 'GET', url: '/api/admin/drp/settings', headers: admin });
      expect(settings.json()).toMatchObject({ businessId: BUSINESS, businessIdSource: 'environment' });
      expect(settings.json().directoryIssues).toHaveLength(1);
    });

    it('sets up pair-wise keys; a bad set-up is a bare 403', async () => {
      for (const agent of [a, b]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/drp/v1/agent/${agent.id}`,
          ...signed(agent, envelope(agent.id, BUSINESS, clock.now())),
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()['agent-id']).toBe(agent.id);
        // /drp/ is a public path: the default public rate limit applies.
        expect(res.headers['x-ratelimit-limit']).toBe('120');
        tokens.set(agent.id, res.json().token as string);
      }
      // B signs a set-up message for A's id: A's key does not verify it.
      const forged = await t.app.inject({
        method: 'POST',
        url: `/drp/v1/agent/${a.id}`,
        headers: { 'content-type': 'text/plain' },
        payload: b.signJson(envelope(a.id, BUSINESS, clock.now())),
      });
      expect([forged.statusCode, forged.body]).toEqual([403, '']);
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/drp/v1/agent/NOBODY',
        headers: { 'content-type': 'text/plain' },
        payload: b.signJson(envelope('NOBODY', BUSINESS, clock.now())),
      });
      expect([unknown.statusCode, unknown.body]).toEqual([403, '']);

      const info = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/agent/${a.id}`,
        headers: { authorization: `Bearer ${tokens.get(a.id)}` },
      });
      expect([info.statusCode, info.json()]).toEqual([200, {}]);
      const othersToken = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/agent/${a.id}`,
        headers: { authorization: `Bearer ${tokens.get(b.id)}` },
      });
      expect(othersToken.statusCode).toBe(403);
      expect(othersToken.json()).toEqual({
        code: '403',
        message: 'The bearer token belongs to another agent',
      });
    });

    let requestId = '';

    it('exercises, reports status, calls back (with a retry) and revokes', async () => {
      const claims = exerciseClaims(a, {
        'agent-request-id': 'a-req-1',
        status_callback: agentServer.url,
        relationships: ['customer'],
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/drp/v1/data-rights-request',
        ...signed(a, claims),
      });
      expect(res.statusCode).toBe(200);
      const status = res.json();
      requestId = status.request_id as string;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(status).toMatchObject({ status: 'in_progress', agent_request_id: 'a-req-1' });
      expect(status.received_at).toBe('2026-03-02T10:00:00.000+00:00');
      expect(status.expected_by).toMatch(/\+00:00$/);

      const link = await t.store.db
        .selectFrom('drp_requests')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      const request = await getRequest(t, link.request_id);
      expect(request).toMatchObject({
        type: 'access',
        channel: 'drp',
        jurisdiction: 'ccpa',
        status: 'verified',
      });
      expect(request?.identity).toEqual({
        email: 'jrandom@example.com',
        name: 'Random, John',
        phone: '+14155550100',
      });

      // The same signed message again is the same request, not a second one.
      const again = await t.app.inject({
        method: 'POST',
        url: '/drp/v1/data-rights-request',
        ...signed(a, claims),
      });
      expect(again.json().request_id).toBe(requestId);
      expect(await t.store.db.selectFrom('drp_requests').select('id').execute()).toHaveLength(1);

      const read = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/data-rights-request/${requestId}`,
        headers: { authorization: `Bearer ${tokens.get(a.id)}` },
      });
      expect([read.statusCode, read.json()]).toEqual([200, status]);

      // Staff start the request; the agent's endpoint fails once, then the sweep delivers the callback.
      await deliverEvents(link.request_id);
      expect(agentServer.received).toEqual([]);
      agentServer.answerWith(500);
      await transitionRequest(deps(), { requestId: link.request_id, to: 'in_progress', actor: 'user:staff' });
      await deliverEvents(link.request_id);
      const failed = await t.store.db.selectFrom('drp_callbacks').selectAll().execute();
      expect(failed.map((c) => [c.status, c.attempts, c.last_http_status])).toEqual([['pending', 1, 500]]);
      agentServer.answerWith(200);
      expect(await sweepStatusCallbacks(deps(), new AbortController().signal)).toEqual({});
      clock.advance(31_000);
      expect(await sweepStatusCallbacks(deps(), new AbortController().signal)).toEqual({ delivered: 1 });
      expect(agentServer.received).toEqual([
        expect.objectContaining({
          request_id: requestId,
          status: 'in_progress',
          agent_request_id: 'a-req-1',
        }),
      ]);
      expect(agentServer.received[0]?.received_at).toBe('2026-03-02T10:00:00.000+00:00');

      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/drp/v1/data-rights-request/${requestId}`,
        ...signed(a, { reason: "I don't want my account deleted." }),
      });
      expect(revoke.statusCode).toBe(200);
      expect(revoke.json()).toMatchObject({ request_id: requestId, status: 'revoked' });
      expect((await getRequest(t, link.request_id))?.status).toBe('cancelled');
      await deliverEvents(link.request_id);
      expect(agentServer.received.map((r) => r.status)).toEqual(['in_progress', 'revoked']);
      const viewer = { authorization: `Bearer ${await t.apiKey('viewer')}` };
      const callbacks = await t.app.inject({
        method: 'GET',
        url: '/api/admin/drp/callbacks',
        headers: viewer,
      });
      expect(
        callbacks.json().items.map((c: { status: string; sent_status: string }) => [c.status, c.sent_status]),
      ).toEqual([
        ['delivered', 'revoked'],
        ['delivered', 'in_progress'],
      ]);
      // Revoking again answers the same state.
      const twice = await t.app.inject({
        method: 'DELETE',
        url: `/drp/v1/data-rights-request/${requestId}`,
        ...signed(a, { reason: 'again' }),
      });
      expect([twice.statusCode, twice.json().status]).toEqual([200, 'revoked']);
    });

    it('maps each rights action to a request type; unverified claims wait for the person', async () => {
      // Opt-out and opt-in need no verification; the others wait for the person (need_user_verification).
      const expected = {
        deletion: ['erasure', undefined, 'verifying'],
        'sale:opt-out': ['opt_out_sale', undefined, 'verified'],
        'sale:opt-in': ['opt_in_sale', undefined, 'verified'],
        'access:categories': ['access', 'categories', 'verifying'],
        'access:specific': ['access', 'specific', 'verifying'],
      } as const;
      for (const [action, [type, scope, status]] of Object.entries(expected)) {
        clock.advance(1000);
        const res = await t.app.inject({
          method: 'POST',
          url: '/drp/v1/data-rights-request',
          ...signed(
            a,
            exerciseClaims(a, { exercise: action, email_verified: false, phone_number_verified: false }),
          ),
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().status).toBe('in_progress');
        expect(res.json().reason).toBe(status === 'verifying' ? 'need_user_verification' : undefined);
        const link = await t.store.db
          .selectFrom('drp_requests')
          .select('request_id')
          .where('id', '=', res.json().request_id)
          .executeTakeFirstOrThrow();
        const request = await getRequest(t, link.request_id);
        expect([action, request?.type, request?.details.scope, request?.status]).toEqual([
          action,
          type,
          scope,
          status,
        ]);
      }
      const unsupported = await t.app.inject({
        method: 'POST',
        url: '/drp/v1/data-rights-request',
        ...signed(a, exerciseClaims(a, { exercise: 'rectification' })),
      });
      expect([unsupported.statusCode, unsupported.json()]).toEqual([
        400,
        { code: '400', message: 'Unsupported rights actions submitted.' },
      ]);
    });

    it('refuses bad signatures, wrong business, expired messages, other agents and their tokens', async () => {
      const post = (options: { headers: Record<string, string>; payload: string }) =>
        t.app.inject({ method: 'POST', url: '/drp/v1/data-rights-request', ...options });

      const tampered = signed(a, exerciseClaims(a, { email: 'x@example.com' }));
      const bytes = Buffer.from(tampered.payload, 'base64');
      bytes.write('y', bytes.indexOf('x@example.com'));
      const badSignature = await post({ ...tampered, payload: bytes.toString('base64') });
      expect([badSignature.statusCode, badSignature.json().code]).toEqual([403, '403']);
      expect(badSignature.json().message).toMatch(/signature/);

      const wrongBusiness = await post(signed(a, { ...exerciseClaims(a, {}), 'business-id': 'OTHER_CB' }));
      expect([wrongBusiness.statusCode, wrongBusiness.json().message]).toEqual([
        403,
        'business-id "OTHER_CB" is not this business',
      ]);

      const early = signed(a, exerciseClaims(a, { 'agent-request-id': 'late' }));
      clock.advance(10 * 60_000);
      const expired = await post(early);
      expect(expired.statusCode).toBe(403);
      expect(expired.json()).toEqual({
        code: '403',
        message: 'The message expired (expires-at has passed)',
        fatal: true,
      });

      // B's token with A's signed message: B's key does not verify it.
      const othersToken = await post({
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${tokens.get(b.id)}` },
        payload: a.signJson(exerciseClaims(a, {})),
      });
      expect([othersToken.statusCode, othersToken.json().message]).toEqual([
        403,
        'The signature does not verify with the key of agent AGENT_B',
      ]);
      // B's own valid message claiming to be A.
      const claimsA = await post(signed(b, exerciseClaims(a, {})));
      expect(claimsA.statusCode).toBe(403);

      // B, properly signed and with its own token, cannot read or revoke A's request.
      const readOthers = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/data-rights-request/${requestId}`,
        headers: { authorization: `Bearer ${tokens.get(b.id)}` },
      });
      expect([readOthers.statusCode, readOthers.json().code]).toEqual([403, '403']);
      const revokeOthers = await t.app.inject({
        method: 'DELETE',
        url: `/drp/v1/data-rights-request/${requestId}`,
        ...signed(b, { reason: 'not mine' }),
      });
      expect([revokeOthers.statusCode, revokeOthers.json().message]).toEqual([
        403,
        'This request was submitted by another agent',
      ]);

      const noToken = await t.app.inject({ method: 'GET', url: `/drp/v1/data-rights-request/${requestId}` });
      expect(noToken.statusCode).toBe(401);
      const badToken = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/data-rights-request/${requestId}`,
        headers: { authorization: 'Bearer drp_made_up' },
      });
      expect(badToken.statusCode).toBe(401);
      const missing = await t.app.inject({
        method: 'GET',
        url: '/drp/v1/data-rights-request/00000000-0000-0000-0000-000000000000',
        headers: { authorization: `Bearer ${tokens.get(a.id)}` },
      });
      expect(missing.statusCode).toBe(404);
      const notBase64 = await post({ ...signed(a, {}), payload: '%%% not base64 %%%' });
      expect([notBase64.statusCode, notBase64.json().code]).toEqual([400, '400']);
    });

    it('voids tokens when an agent is removed', async () => {
      const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/admin/drp/agents/${b.id}`,
        headers: admin,
      });
      expect(removed.statusCode).toBe(204);
      const info = await t.app.inject({
        method: 'GET',
        url: `/drp/v1/agent/${b.id}`,
        headers: { authorization: `Bearer ${tokens.get(b.id)}` },
      });
      expect(info.statusCode).toBe(401);
      const directoryAgent = await t.app.inject({
        method: 'DELETE',
        url: `/api/admin/drp/agents/${a.id}`,
        headers: admin,
      });
      expect(directoryAgent.statusCode).toBe(404);
    });
  },
  120_000,
);
