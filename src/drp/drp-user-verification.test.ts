import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { getRequest } from '../requests/read-request.ts';
import { codeFromOutbox } from '../requests/testing/request-test-kit.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { envelope, newTestAgent } from './testing/drp-test-agent.ts';

const BUSINESS = 'PRIVET_TEST_CB';

describe.each(['sqlite', 'postgres'] as const)(
  'DRP identity claims and need_user_verification (%s)',
  (kind) => {
    const clock = fixedClock('2026-03-02T10:00:00.000Z');
    const agent = newTestAgent('AGENT_V');
    let token = '';
    let t: TestApp;
    let dir: string;

    const exercise = (claims: Record<string, unknown>) => {
      clock.advance(1000);
      return t.app.inject({
        method: 'POST',
        url: '/drp/v1/data-rights-request',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
        payload: agent.signJson({
          ...envelope(agent.id, BUSINESS, clock.now()),
          regime: 'ccpa',
          name: 'Random, John',
          ...claims,
        }),
      });
    };
    const status = (id: string) =>
      t.app.inject({
        method: 'GET',
        url: `/drp/v1/data-rights-request/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
    const requestOf = async (drpId: string) => {
      const link = await t.store.db
        .selectFrom('drp_requests')
        .select('request_id')
        .where('id', '=', drpId)
        .executeTakeFirstOrThrow();
      const request = await getRequest(t, link.request_id);
      if (request === undefined) throw new Error('no request');
      return request;
    };
    const publicCall = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'privet-drp-verify-'));
      const directory = join(dir, 'agents.json');
      await writeFile(
        directory,
        JSON.stringify([
          {
            id: agent.id,
            name: 'Verifying Agent',
            verify_key: agent.verifyKey,
            web_url: 'https://agent.example',
          },
        ]),
      );
      t = await startTestApp({
        kind,
        clock,
        env: { PRIVET_DRP_AGENTS_FILE: directory, PRIVET_DRP_BUSINESS_ID: BUSINESS },
      });
      const setUp = await t.app.inject({
        method: 'POST',
        url: `/drp/v1/agent/${agent.id}`,
        headers: { 'content-type': 'text/plain' },
        payload: agent.signJson(envelope(agent.id, BUSINESS, clock.now())),
      });
      expect(setUp.statusCode).toBe(200);
      token = setUp.json().token as string;
    }, 120_000);
    afterAll(async () => {
      await t.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('an access request with only a verified email waits for the person, who verifies in the privacy center', async () => {
      const email = 'jrandom@example.com';
      const res = await exercise({ exercise: 'access', email, email_verified: true });
      expect(res.statusCode).toBe(200);
      const id = res.json().request_id as string;
      expect(res.json()).toMatchObject({
        status: 'in_progress',
        reason: 'need_user_verification',
        user_verification_url: `${t.config.publicUrl}/requests/agent-verification/${id}`,
      });
      expect((await requestOf(id)).status).toBe('verifying');
      // The agent was not asked for an email: nothing went to the person until they ask for a code.
      expect(
        await t.store.db.selectFrom('outbox').select('id').where('to_address', '=', email).execute(),
      ).toEqual([]);

      const page = `/api/public/agent-verifications/${id}`;
      // The agent's request_id must name the request of the URL (spec 3.02.1).
      expect((await publicCall('GET', `${page}?request_id=${id}x`)).statusCode).toBe(404);
      expect(
        (await publicCall('GET', `/api/public/agent-verifications/nope?request_id=nope`)).statusCode,
      ).toBe(404);
      const view = await publicCall('GET', `${page}?request_id=${id}`);
      expect([view.statusCode, view.json()]).toEqual([
        200,
        { agentName: 'Verifying Agent', exercise: 'access', needsVerification: true, status: 'verifying' },
      ]);
      expect((await publicCall('POST', `${page}/send-code`, { requestId: 'other' })).statusCode).toBe(404);
      expect((await publicCall('POST', `${page}/send-code`, { requestId: id })).statusCode).toBe(202);
      const code = await codeFromOutbox(t.store, email);
      const wrong = code === '000000' ? '111111' : '000000';
      expect((await publicCall('POST', `${page}/verify`, { requestId: id, code: wrong })).statusCode).toBe(
        400,
      );
      const verified = await publicCall('POST', `${page}/verify`, {
        requestId: id,
        code,
        redirectTo: 'https://app.agent.example/done?r=1',
      });
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({
        status: 'in_progress',
        redirectTo: 'https://app.agent.example/done?r=1',
      });

      const after = (await status(id)).json();
      expect(after).toMatchObject({ status: 'in_progress' });
      expect(after.reason).toBeUndefined();
      expect(after.user_verification_url).toBeUndefined();
      expect((await requestOf(id)).status).toBe('in_progress');
      expect((await publicCall('GET', `${page}?request_id=${id}`)).json().needsVerification).toBe(false);
      expect((await publicCall('POST', `${page}/send-code`, { requestId: id })).statusCode).toBe(409);
    });

    it('never forwards the person anywhere but the agent’s own https site', async () => {
      const res = await exercise({ exercise: 'deletion', email: 'ann@example.com', email_verified: true });
      const id = res.json().request_id as string;
      const page = `/api/public/agent-verifications/${id}`;
      expect((await publicCall('POST', `${page}/send-code`, { requestId: id })).statusCode).toBe(202);
      const answer = await publicCall('POST', `${page}/verify`, {
        requestId: id,
        code: await codeFromOutbox(t.store, 'ann@example.com'),
        redirectTo: 'https://agent.example.evil.test/phish',
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json().redirectTo).toBeNull();
    });

    it('relies on claims the agent verified (address, power of attorney) and starts them at once only when allowed', async () => {
      const address = {
        street_address: '1 Main St',
        locality: 'Springfield',
        region: 'CA',
        postal_code: '90001',
        country: 'US',
      };
      // The categories of data need two verified claims: email and address.
      const waiting = await exercise({
        exercise: 'access:categories',
        email: 'pat@example.com',
        email_verified: true,
        address,
        address_verified: true,
      });
      expect(waiting.json().status).toBe('in_progress');
      expect(waiting.json().reason).toBeUndefined();
      const first = await requestOf(waiting.json().request_id as string);
      // Verified by the agent, but staff approve the start while the organisation has not allowed more.
      expect(first.status).toBe('verified');
      expect(first.details.note).toContain('claims verified by the agent: email, address');
      expect(first.details.note).toContain('address: 1 Main St, Springfield, CA, 90001, US');

      // An address claim that is not verified does not count.
      const unverifiedAddress = await exercise({
        exercise: 'access',
        email: 'sam@example.com',
        email_verified: true,
        address: { formatted: '2 Side St' },
      });
      expect(unverifiedAddress.json().reason).toBe('need_user_verification');

      const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
      const operator = { authorization: `Bearer ${await t.apiKey('operator')}` };
      const payload = { startVerifiedRequests: true };
      const denied = await t.app.inject({
        method: 'PUT',
        url: '/api/admin/drp/settings',
        headers: operator,
        payload,
      });
      expect(denied.statusCode).toBe(403);
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/admin/drp/settings',
        headers: admin,
        payload,
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ startVerifiedRequests: true, businessId: BUSINESS });
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'drp.settings_update')
        .execute();
      expect(audit.map((a) => JSON.parse(a.details) as unknown)).toEqual([{ startVerifiedRequests: true }]);

      const byAttorney = await exercise({
        exercise: 'deletion',
        email: 'lee@example.com',
        email_verified: true,
        power_of_attorney: 'https://agent.example/poa/lee.pdf',
      });
      const started = await requestOf(byAttorney.json().request_id as string);
      expect(started.status).toBe('in_progress');
      expect(started.details.note).toContain('power of attorney: https://agent.example/poa/lee.pdf');
      const events = await t.store.db
        .selectFrom('request_events')
        .select(['to_status', 'actor', 'reason'])
        .where('request_id', '=', started.id)
        .where('kind', '=', 'status')
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.to_status)).toEqual(['received', 'verified', 'in_progress']);
      expect(events[2]).toMatchObject({
        actor: 'system',
        reason: expect.stringContaining('starts such requests at once'),
      });

      // Opt-out needs no verification at all, and starts too.
      const optOut = await exercise({ exercise: 'sale:opt-out', email: 'opt@example.com' });
      expect((await requestOf(optOut.json().request_id as string)).status).toBe('in_progress');
      // A power of attorney without a verified email is not enough.
      const poaOnly = await exercise({
        exercise: 'deletion',
        email: 'kim@example.com',
        power_of_attorney: 'doc-1',
      });
      expect(poaOnly.json().reason).toBe('need_user_verification');
    });

    it('refuses a malformed address claim with 400', async () => {
      const res = await exercise({ exercise: 'access', email: 'x@example.com', address: '1 Main St' });
      expect([res.statusCode, res.json().code]).toEqual([400, '400']);
      expect(res.json().message).toMatch(/address must be an address object/);
    });
  },
);
