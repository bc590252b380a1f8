import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { transitionRequest } from '../requests/lifecycle/transition-request.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { CALLBACK_MAX_ATTEMPTS } from './deliver-status-callback.ts';
import { sweepStatusCallbacks } from './drp-jobs.ts';
import { createLinkedRequest } from './drp-requests.ts';
import { startCallbackServer, type CallbackServer } from './testing/callback-server.ts';
import { deliverStatusEvents } from './testing/deliver-status-events.ts';

describe('status callbacks', () => {
  const clock = fixedClock('2026-05-04T09:00:00.000Z');
  let t: TestApp;
  let server: CallbackServer;
  const deps = () => ({ store: t.store, clock, config: t.config });
  const callbacks = () =>
    t.store.db
      .selectFrom('drp_callbacks')
      .select(['status', 'attempts', 'sent_status'])
      .orderBy('created_at')
      .execute();

  async function agentRequest(drpId: string): Promise<string> {
    const request = await createLinkedRequest(
      deps(),
      {
        type: 'erasure',
        jurisdiction: 'ccpa',
        channel: 'drp',
        identity: { email: `${drpId}@example.com` },
        verified: { by: 'agent', note: 'test' },
        actor: 'drp:AGENT_A',
        acknowledge: false,
      },
      async (trx, created) => {
        await trx
          .insertInto('drp_requests')
          .values({
            id: drpId,
            agent_id: 'AGENT_A',
            request_id: created.id,
            agent_request_id: null,
            message_hash: drpId,
            exercise: 'deletion',
            regime: 'ccpa',
            relationships: '[]',
            status_callback: server.url,
            revoked_at: null,
            revoke_reason: null,
            created_at: clock.now().toISOString(),
          })
          .execute();
      },
    );
    await deliverStatusEvents(deps(), request.id);
    return request.id;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' } });
    server = await startCallbackServer();
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await t.stop();
  });

  it('owes nothing for the exercise itself, and a newer delivered status supersedes an older one', async () => {
    const id = await agentRequest('drp-1');
    expect(await callbacks()).toEqual([]);
    server.answerWith(503);
    await transitionRequest(deps(), { requestId: id, to: 'in_progress', actor: 'user:staff' });
    await deliverStatusEvents(deps(), id);
    server.answerWith(200);
    await transitionRequest(deps(), { requestId: id, to: 'completed', actor: 'user:staff' });
    await deliverStatusEvents(deps(), id);
    expect(await callbacks()).toEqual([
      { status: 'superseded', attempts: 1, sent_status: null },
      { status: 'delivered', attempts: 1, sent_status: 'fulfilled' },
    ]);
    expect(server.received.map((r) => r.status)).toEqual(['fulfilled']);
    // Status events are delivered once: running the listener again owes nothing new.
    await deliverStatusEvents(deps(), id);
    expect(await callbacks()).toHaveLength(2);
  });

  it('gives a callback up after the last attempt', async () => {
    await t.store.db.deleteFrom('drp_callbacks').execute();
    const id = await agentRequest('drp-2');
    server.answerWith(500);
    await transitionRequest(deps(), { requestId: id, to: 'in_progress', actor: 'user:staff' });
    await deliverStatusEvents(deps(), id);
    for (let attempt = 2; attempt <= CALLBACK_MAX_ATTEMPTS; attempt += 1) {
      clock.advance(7 * 3_600_000);
      const outcome = attempt === CALLBACK_MAX_ATTEMPTS ? { failed: 1 } : { retry: 1 };
      expect(await sweepStatusCallbacks(deps(), new AbortController().signal)).toEqual(outcome);
    }
    expect(await callbacks()).toEqual([
      { status: 'failed', attempts: CALLBACK_MAX_ATTEMPTS, sent_status: null },
    ]);
    clock.advance(7 * 3_600_000);
    expect(await sweepStatusCallbacks(deps(), new AbortController().signal)).toEqual({});
  });
}, 120_000);
