import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../domain/clock.ts';
import { createSmtpTransport } from '../../mail/create-smtp-transport.ts';
import { deliverOutboxEntry } from '../../mail/deliver-outbox-entry.ts';
import type { MailTransport } from '../../mail/mail-transport.ts';
import { parseRawMail } from '../../../test/support/parse-raw-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/start-test-smtp-server.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedConsentDemo } from '../consent-test-kit.ts';

describe.each(storeKinds)('marketing mail over real SMTP on %s', (kind) => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let t: TestApp;
  let operator: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
    t = await startTestApp({ kind, env: { PRIVET_SMTP_URL: smtp.url } });
    operator = await t.apiKey('operator');
    await seedConsentDemo({ store: t.store, clock: systemClock });
  }, 120_000);
  afterAll(async () => {
    transport?.close();
    await t?.stop();
    await smtp?.close();
  });

  const admin = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${operator}` }, payload });
  async function deliver(template: string, to: string) {
    const entry = await t.store.db
      .selectFrom('outbox')
      .select('id')
      .where('template', '=', template)
      .where('to_address', '=', to)
      .executeTakeFirstOrThrow();
    const sent = await deliverOutboxEntry(
      { store: t.store, clock: systemClock, transport },
      entry.id,
      new AbortController().signal,
    );
    expect(sent.status).toBe('sent');
    const raw = smtp.received.at(-1)?.raw ?? '';
    return parseRawMail(raw);
  }

  it('delivers the confirmation without and the marketing mail with one-click headers that work', async () => {
    const email = `smtp-${kind}@example.com`;
    expect(
      (
        await admin('/api/admin/marketing/lists', {
          key: 'deals',
          name: 'Deals',
          purposeKey: 'marketing.communications.email',
        })
      ).statusCode,
    ).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: '/api/public/marketing/subscribe',
      payload: { email, list: 'deals' },
    });
    const confirmation = await deliver('marketing-confirm', email);
    expect(confirmation.header('List-Unsubscribe')).toBeUndefined();
    const text = confirmation.parts.find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
    const token = /#token=([A-Za-z0-9_.-]+)/.exec(text)?.[1] ?? '';
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/public/marketing/confirm', payload: { token } }))
        .statusCode,
    ).toBe(200);

    const sent = await admin('/api/admin/marketing/lists/deals/send', {
      subject: 'Deals of the week',
      text: 'Three things on sale.',
      linkText: 'See them',
      linkUrl: 'https://shop.example/deals',
    });
    expect(sent.json()).toMatchObject({ queued: 1, tracked: 0 });
    const mail = await deliver('marketing-message', email);
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = /^<([^>]+)>$/.exec(mail.header('List-Unsubscribe') ?? '')?.[1] ?? '';
    expect(url).toMatch(/\/u\/[A-Za-z0-9_.-]{45}$/);

    // What a mail client does with those headers (RFC 8058 §3.2): POST the body, no cookies.
    const res = await t.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: mail.header('List-Unsubscribe-Post') ?? '',
    });
    expect(res.statusCode).toBe(200);
    const row = await t.store.db
      .selectFrom('marketing_subscriptions')
      .select('status')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('unsubscribed');
  });
});
