import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRawMail } from '../../../test/support/parse-raw-mail.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/start-test-smtp-server.ts';
import { systemClock } from '../../domain/clock.ts';
import { builtInJobs } from '../../jobs/built-in-jobs.ts';
import { createJobQueue } from '../../jobs/create-job-queue.ts';
import { waitFor } from '../../jobs/job-test-kit.ts';
import { requestJobs } from '../../requests/request-jobs.ts';
import { createRecipient } from '../../datamap/recipients/recipient-repository.ts';
import { createSmtpTransport } from '../../mail/create-smtp-transport.ts';
import { deliverOutboxEntry } from '../../mail/deliver-outbox-entry.ts';
import { createRequestIn } from '../../requests/intake/create-request.ts';
import { enqueueStatusChanged, notifyStatusEvent } from '../../requests/lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../../requests/lifecycle/transition-request.ts';
import type { RequestDeps } from '../../requests/request-deps.ts';
import { sweepWebhooks } from '../sweep-webhooks.ts';
import { webhookJobs } from '../webhook-jobs.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/start-webhook-receiver.ts';
import { verifyAsDocumented } from '../testing/verify-as-documented.ts';
import type { Art19Deps } from './art19-deps.ts';
import { art19Listener } from './art19-listener.ts';

const SECRET = 'art19-secret-0123456789abcdef01234567';

describe.each(['sqlite', 'postgres'] as const)('Art. 19 notices (%s)', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let receiver: WebhookReceiver;
  let admin: string;

  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    receiver = await startWebhookReceiver();
    t = await startTestApp({ kind, env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true', PRIVET_SMTP_URL: smtp.url } });
    admin = await t.apiKey('admin');
  });
  afterEach(async () => {
    await t.stop();
    await receiver.close();
    await smtp.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(payload ? { payload } : {}),
    });

  /** An erasure request taken through to completed with requests-core's functions; returns its ids and token. */
  async function completedErasure(deps: RequestDeps) {
    const created = await t.store.transaction((trx) =>
      createRequestIn(deps, trx, {
        type: 'erasure',
        jurisdiction: 'gdpr',
        channel: 'email',
        identity: { email: 'ada@example.com', name: 'Ada' },
        verified: { by: 'staff', note: 'known customer' },
        actor: 'user:test',
      }),
    );
    const id = created.request.id;
    await t.store.transaction((trx) =>
      transitionRequestIn(deps, trx, { requestId: id, to: 'in_progress', actor: 'user:test' }),
    );
    const done = await t.store.transaction((trx) =>
      transitionRequestIn(deps, trx, { requestId: id, to: 'completed', actor: 'user:test' }),
    );
    if (created.statusToken === undefined) throw new Error('no status token');
    return { id, statusToken: created.statusToken, eventId: done.eventId };
  }

  it(
    'tells a webhook recipient and an email recipient, records both, and shows them to the person',
    { timeout: 120_000 },
    async () => {
      const clockDeps = { store: t.store, clock: systemClock };
      for (const [key, name] of [
        ['crm_vendor', 'CRM Vendor'],
        ['mail_house', 'Mail House'],
        ['old_partner', 'Old Partner'],
      ] as const) {
        await createRecipient(clockDeps, { key, name, role: 'processor', country: 'DE' }, 'test');
      }
      const endpoint = (
        await call('POST', '/api/admin/webhooks', { name: 'CRM', url: receiver.url, secret: SECRET })
      ).json<{ id: string }>();
      expect(
        (
          await call('PUT', '/api/admin/art19/recipients/crm_vendor', {
            endpointId: endpoint.id,
            email: null,
          })
        ).statusCode,
      ).toBe(200);
      const mailChannel = await call('PUT', '/api/admin/art19/recipients/mail_house', {
        endpointId: null,
        email: 'privacy@mailhouse.example',
        language: 'de',
      });
      expect(mailChannel.statusCode).toBe(200);
      expect(
        (await call('PUT', '/api/admin/art19/recipients/nobody', { endpointId: null, email: null }))
          .statusCode,
      ).toBe(404);

      const requestDeps: RequestDeps = { ...clockDeps, config: t.config };
      const request = await completedErasure(requestDeps);
      const art19Deps: Art19Deps = { ...clockDeps, config: t.config };
      const listener = art19Listener(art19Deps);
      // requests-core's own notifier calls the listener, as the requests.status-changed job does.
      await notifyStatusEvent(clockDeps, [listener], request.eventId, new AbortController().signal);
      // A retried listener sends nothing twice.
      await listener(
        {
          eventId: request.eventId,
          requestId: request.id,
          type: 'erasure',
          from: 'in_progress',
          to: 'completed',
          at: '',
          actor: 'x',
        },
        new AbortController().signal,
      );
      expect(await t.store.db.selectFrom('art19_notices').select('id').execute()).toHaveLength(3);

      // The webhook: a signed art19.notice about the person.
      expect(await sweepWebhooks(art19Deps, new AbortController().signal)).toEqual({
        attempted: 1,
        delivered: 1,
      });
      expect(receiver.received).toHaveLength(1);
      const hook = receiver.received[0];
      if (!hook) throw new Error('no webhook');
      expect(
        verifyAsDocumented(SECRET, String(hook.headers['privet-signature']), hook.rawBody, new Date()),
      ).toBe(true);
      expect(JSON.parse(hook.rawBody)).toMatchObject({
        type: 'art19.notice',
        data: {
          requestId: request.id,
          action: 'erasure',
          recipient: 'crm_vendor',
          subject: { email: 'ada@example.com' },
        },
      });

      // The email, in the recipient's language, through real SMTP.
      const notices = await call('GET', `/api/admin/requests/${request.id}/recipient-notices`);
      expect(notices.statusCode).toBe(200);
      const list = notices.json<{
        notices: { recipientKey: string; channel: string; outcome: string; outboxId: string | null }[];
      }>().notices;
      const mailNotice = list.find((n) => n.recipientKey === 'mail_house');
      if (!mailNotice?.outboxId) throw new Error('no mail notice');
      await deliverOutboxEntry(
        { store: t.store, clock: clockDeps.clock, transport: createSmtpTransport(smtp.url) },
        mailNotice.outboxId,
        new AbortController().signal,
      );
      const mail = smtp.received.find((m) => m.rcptTo.includes('privacy@mailhouse.example'));
      if (!mail) throw new Error('no mail received');
      const parsed = parseRawMail(mail.raw);
      expect(parsed.header('subject')).toContain('Löschung personenbezogener Daten (Art. 19 DSGVO)');
      expect(parsed.parts.map((p) => p.body).join('\n')).toContain('ada@example.com');

      const after = (await call('GET', `/api/admin/requests/${request.id}/recipient-notices`)).json<{
        notices: { recipientKey: string; channel: string; outcome: string }[];
      }>().notices;
      expect(after.map((n) => [n.recipientKey, n.channel, n.outcome])).toEqual([
        ['crm_vendor', 'webhook', 'delivered'],
        ['mail_house', 'email', 'delivered'],
        ['old_partner', 'none', 'no_channel'],
      ]);

      // The person asks which recipients were told.
      const mine = await t.app.inject({
        method: 'GET',
        url: '/api/public/request-status/recipients',
        headers: { 'x-request-token': request.statusToken },
      });
      expect(mine.statusCode).toBe(200);
      expect(
        mine.json<{ recipients: { recipient: string; channel: string; outcome: string }[] }>().recipients,
      ).toEqual([
        expect.objectContaining({ recipient: 'CRM Vendor', channel: 'webhook', outcome: 'delivered' }),
        expect.objectContaining({ recipient: 'Mail House', channel: 'email', outcome: 'delivered' }),
        expect.objectContaining({ recipient: 'Old Partner', channel: 'none', outcome: 'no_channel' }),
      ]);
      expect(mine.body).not.toContain('mailhouse.example');
      const wrong = await t.app.inject({
        method: 'GET',
        url: '/api/public/request-status/recipients',
        headers: { 'x-request-token': `${request.statusToken.slice(0, -2)}xx` },
      });
      expect(wrong.statusCode).toBe(404);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/public/request-status/recipients' })).statusCode,
      ).toBe(404);
    },
  );

  it(
    'stays silent for requests that are not rectification, erasure or restriction, or not done',
    { timeout: 120_000 },
    async () => {
      const clockDeps = { store: t.store, clock: systemClock };
      await createRecipient(
        clockDeps,
        { key: 'crm_vendor', name: 'CRM Vendor', role: 'processor', country: 'DE' },
        'test',
      );
      const requestDeps: RequestDeps = { ...clockDeps, config: t.config };
      const request = await completedErasure(requestDeps);
      const listener = art19Listener({ ...clockDeps, config: t.config });
      const signal = new AbortController().signal;
      const base = { eventId: 'e', requestId: request.id, from: 'in_progress' as const, at: '', actor: 'x' };
      await listener({ ...base, type: 'access', to: 'completed' }, signal);
      await listener({ ...base, type: 'erasure', to: 'refused' }, signal);
      expect(await t.store.db.selectFrom('art19_notices').select('id').execute()).toEqual([]);
      await listener({ ...base, type: 'erasure', to: 'partially_completed' }, signal);
      expect(await t.store.db.selectFrom('art19_notices').select('channel').execute()).toEqual([
        { channel: 'none' },
      ]);
    },
  );
  it('runs as a listener of the requests.status-changed job', { timeout: 120_000 }, async () => {
    const clockDeps = { store: t.store, clock: systemClock };
    await createRecipient(
      clockDeps,
      { key: 'crm_vendor', name: 'CRM Vendor', role: 'processor', country: 'DE' },
      'test',
    );
    const endpoint = (
      await call('POST', '/api/admin/webhooks', { name: 'CRM', url: receiver.url, secret: SECRET })
    ).json<{ id: string }>();
    await call('PUT', '/api/admin/art19/recipients/crm_vendor', { endpointId: endpoint.id, email: null });
    const request = await completedErasure({ ...clockDeps, config: t.config });
    // Wired as the lead wires it in privetJobs: job sets have no queue, so the webhook sweep delivers.
    const jobDeps = { ...clockDeps, config: t.config };
    const registry = builtInJobs(
      requestJobs(jobDeps, { listeners: [art19Listener(jobDeps)] }),
      webhookJobs(jobDeps),
    );
    const worker = createJobQueue({ store: t.store, clock: systemClock, registry });
    const stop = new AbortController();
    const working = worker.work({ signal: stop.signal, schedules: false });
    try {
      await enqueueStatusChanged({ queue: worker }, [request.eventId]);
      await waitFor(
        'the Art. 19 notice',
        async () => {
          const rows = await t.store.db.selectFrom('art19_notices').select('channel').execute();
          return rows.length > 0 ? rows : undefined;
        },
        60_000,
      );
      await worker.enqueue('webhooks.sweep', {});
      await waitFor('the webhook', () => receiver.received.length > 0, 60_000);
      expect(JSON.parse(receiver.received[0]?.rawBody ?? '{}')).toMatchObject({
        type: 'art19.notice',
        data: { requestId: request.id },
      });
    } finally {
      stop.abort();
      await working;
      await worker.close();
    }
  });
});
