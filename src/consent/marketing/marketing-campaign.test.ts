import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRawMail } from '../../../test/support/parse-raw-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/start-test-smtp-server.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createPurpose } from '../../datamap/purposes/purpose-repository.ts';
import { systemClock } from '../../domain/clock.ts';
import { builtInJobs } from '../../jobs/built-in-jobs.ts';
import { createJobQueue } from '../../jobs/create-job-queue.ts';
import { waitFor } from '../../jobs/job-test-kit.ts';
import { createSmtpTransport } from '../../mail/create-smtp-transport.ts';
import { deliverOutboxEntry } from '../../mail/deliver-outbox-entry.ts';
import { seedConsentDemo } from '../consent-test-kit.ts';
import { recordProcessingLimit } from '../decisions/processing-limits.ts';
import type { Campaign } from './marketing-campaign.ts';
import { marketingJobs } from './marketing-jobs.ts';
import type { MarketingDeps } from './marketing-deps.ts';
import { runMarketingCampaign } from './run-marketing-campaign.ts';
import { sendMarketingCampaign } from './send-marketing-campaign.ts';
import { createSharedDecider } from '../decisions/shared-decider.ts';

const MESSAGE = {
  subject: 'Spring news',
  text: 'Three new things.',
  linkText: 'See them',
  linkUrl: 'https://shop.example/spring',
};

describe.each(storeKinds)('marketing campaigns on %s', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let operator: string;
  let viewer: string;
  let deps: MarketingDeps;

  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp({ kind, env: { PRIVET_SMTP_URL: smtp.url } });
    operator = await t.apiKey('operator');
    viewer = await t.apiKey('viewer');
    deps = { store: t.store, clock: systemClock, config: t.config, decisions: createSharedDecider(t) };
    await seedConsentDemo(deps);
    // The newsletter is a consent-based purpose of the data map: the decider knows it.
    await createPurpose(
      deps,
      {
        key: 'newsletter',
        name: 'Newsletter',
        dataUse: 'marketing.communications.email',
        legalBasis: '6.1.a',
      },
      'test',
    );
    const list = await call('POST', '/api/admin/marketing/lists', operator, {
      key: 'news',
      name: 'News',
      purposeKey: 'marketing.communications.email',
    });
    expect(list.statusCode).toBe(201);
  }, 120_000);
  afterEach(async () => {
    await t?.stop();
    await smtp?.close();
  });

  function call(method: 'GET' | 'POST', url: string, key: string | null, payload?: object) {
    return t.app.inject({
      method,
      url,
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  }
  const outboxTo = (to: string, template: string) =>
    t.store.db
      .selectFrom('outbox')
      .select(['id', 'headers'])
      .where('to_address', '=', to)
      .where('template', '=', template)
      .execute();
  async function subscribe(email: string, confirm = true): Promise<void> {
    expect(
      (await call('POST', '/api/public/marketing/subscribe', null, { email, list: 'news' })).statusCode,
    ).toBe(202);
    if (!confirm) return;
    const [mail] = await t.store.db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .where('template', '=', 'marketing-confirm')
      .execute();
    const token = /#token=([A-Za-z0-9_.-]+)/.exec(mail?.text_body ?? '')?.[1] ?? '';
    expect((await call('POST', '/api/public/marketing/confirm', null, { token })).statusCode).toBe(200);
  }
  /** Ann and Dan may be mailed; Bob unsubscribed by one click, Cat objected, Eve never confirmed. */
  async function audience(): Promise<void> {
    for (const email of ['ann@example.com', 'bob@example.com', 'cat@example.com', 'dan@example.com']) {
      await subscribe(email);
    }
    await subscribe('eve@example.com', false);
    const link = await call('POST', '/api/admin/unsubscribe-links', operator, {
      email: 'Bob@Example.com',
      list: 'news',
    });
    expect(link.statusCode).toBe(200);
    const url = new URL(link.json<{ url: string }>().url);
    const unsubscribed = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.statusCode).toBe(200);
    await recordProcessingLimit(deps, {
      email: 'cat@example.com',
      kind: 'objection',
      purposes: 'all',
      requestId: 'req_cat_objects',
      actor: 'test',
    });
  }

  it(
    'mails only subscribed, confirmed people the decision allows, with RFC 8058 headers, over SMTP',
    { timeout: 120_000 },
    async () => {
      await audience();
      const sent = await call('POST', '/api/admin/marketing/lists/news/send', operator, {
        ...MESSAGE,
        campaign: 'spring',
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toMatchObject({
        campaign: 'spring',
        status: 'sent',
        recipients: 3,
        queued: 2,
        skipped: 1,
        jobId: null,
      });
      for (const nobody of ['bob@example.com', 'cat@example.com', 'eve@example.com']) {
        expect(await outboxTo(nobody, 'marketing-message')).toEqual([]);
      }
      const transport = createSmtpTransport(smtp.url);
      try {
        for (const email of ['ann@example.com', 'dan@example.com']) {
          const [entry] = await outboxTo(email, 'marketing-message');
          const delivered = await deliverOutboxEntry(
            { store: t.store, clock: systemClock, transport },
            entry?.id ?? '',
            new AbortController().signal,
          );
          expect(delivered.status).toBe('sent');
          const mail = parseRawMail(smtp.received.at(-1)?.raw ?? '');
          expect(smtp.received.at(-1)?.rcptTo).toEqual([email]);
          expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
          expect(mail.header('List-Unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/u\/[A-Za-z0-9_.-]+>$/);
        }
      } finally {
        transport.close();
      }
      expect(smtp.received.flatMap((m) => m.rcptTo)).not.toContain('bob@example.com');

      // The same name twice is refused; the campaign is listed with its numbers; viewers read, not send.
      expect(
        (
          await call('POST', '/api/admin/marketing/lists/news/send', operator, {
            ...MESSAGE,
            campaign: 'spring',
          })
        ).statusCode,
      ).toBe(409);
      expect((await call('POST', '/api/admin/marketing/lists/news/send', viewer, MESSAGE)).statusCode).toBe(
        403,
      );
      const listed = await call('GET', '/api/admin/marketing/campaigns?list=news', viewer);
      expect(listed.json<{ campaigns: Campaign[] }>().campaigns.map((c) => [c.campaign, c.queued])).toEqual([
        ['spring', 2],
      ]);
      const audit = await t.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'marketing.campaign.%')
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['marketing.campaign.start', 'marketing.campaign.send']);
    },
  );

  it(
    'sends a list above the inline limit by a job, in batches, never twice',
    { timeout: 120_000 },
    async () => {
      await audience();
      const registry = builtInJobs(marketingJobs(deps));
      const worker = createJobQueue({ store: t.store, clock: systemClock, registry });
      try {
        const started = await sendMarketingCampaign(deps, { listKey: 'news', ...MESSAGE }, 'user:test', {
          queue: worker,
          inlineLimit: 2,
        });
        expect(started).toMatchObject({ status: 'queued', recipients: 3, queued: 0 });
        expect(started.jobId).not.toBeNull();
        // Half of it is sent before the job runs (as if an attempt stopped after its first batch).
        const partly = await runMarketingCampaign(deps, started.campaign, { batchSize: 1 });
        expect(partly.status).toBe('sent');
        const again = await sendMarketingCampaign(deps, { listKey: 'news', ...MESSAGE }, 'user:test', {
          queue: worker,
          inlineLimit: 2,
        });
        const stop = new AbortController();
        const working = worker.work({ signal: stop.signal, schedules: false });
        try {
          // The campaign reads "sent" a moment before its job is marked completed: wait for both jobs.
          const done = await waitFor(
            'the campaign jobs',
            async () => {
              const res = await call('GET', `/api/admin/marketing/campaigns/${again.campaign}`, viewer);
              const campaign = res.json<Campaign>();
              const jobs = await Promise.all([started.jobId, again.jobId].map((id) => worker.get(id ?? '')));
              const finished = jobs.every((job) => job?.status === 'completed');
              return campaign.status === 'sent' && finished ? campaign : undefined;
            },
            60_000,
          );
          expect(done).toMatchObject({ recipients: 3, queued: 2, skipped: 1 });
        } finally {
          stop.abort();
          await working;
        }
        // Two campaigns, two mails each to Ann and Dan; the first run's job finds nothing left to send.
        for (const email of ['ann@example.com', 'dan@example.com']) {
          expect(await outboxTo(email, 'marketing-message')).toHaveLength(2);
        }
        expect((await runMarketingCampaign(deps, started.campaign, { batchSize: 1 })).queued).toBe(2);
        expect(await outboxTo('ann@example.com', 'marketing-message')).toHaveLength(2);
      } finally {
        await worker.close();
      }
    },
  );

  it('pages and searches the subscribers of a list', { timeout: 120_000 }, async () => {
    const now = new Date().toISOString();
    await t.store.db
      .insertInto('marketing_subscriptions')
      .values(
        Array.from({ length: 620 }, (_, i) => ({
          list_key: 'news',
          email: `reader${String(i).padStart(3, '0')}@${i % 2 === 0 ? 'even' : 'odd'}.example`,
          status: 'active',
          locale: null,
          confirm_nonce_hash: null,
          requested_at: now,
          confirmed_at: now,
          unsubscribed_at: null,
          last_event_id: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    type Page = { subscribers: { email: string }[]; next: string | null };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const query: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
      const page: Page = (
        await call('GET', `/api/admin/marketing/lists/news/subscribers?limit=500${query}`, viewer)
      ).json<Page>();
      seen.push(...page.subscribers.map((s) => s.email));
      after = page.next;
      if (after === null) break;
    }
    expect(seen).toHaveLength(620);
    expect(new Set(seen).size).toBe(620);
    const found = (
      await call('GET', '/api/admin/marketing/lists/news/subscribers?q=ER12&limit=500', viewer)
    ).json<Page>();
    expect(found.subscribers.map((s) => s.email)).toEqual(
      Array.from({ length: 10 }, (_, i) => `reader12${i}@${i % 2 === 0 ? 'even' : 'odd'}.example`),
    );
    // LIKE wildcards are taken literally.
    const literal = (
      await call('GET', '/api/admin/marketing/lists/news/subscribers?q=reader_&limit=5', viewer)
    ).json<Page>();
    expect(literal.subscribers).toEqual([]);
  });
});
