import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Regression guard: a withdrawal must never depend on the privacy notice being published.
describe.each(storeKinds)('one-click unsubscribe before any notice is published on %s', (kind) => {
  let t: TestApp;
  let operator: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    operator = await t.apiKey('operator');
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('still unsubscribes (no ledger event without a notice), while subscribing waits for a notice', async () => {
    const admin = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${operator}` }, payload });
    expect(
      (
        await admin('/api/admin/marketing/lists', {
          key: 'news',
          name: 'News',
          purposeKey: 'marketing.communications.email',
        })
      ).statusCode,
    ).toBe(201);
    const { url } = (
      await admin('/api/admin/unsubscribe-links', { email: 'ivy@example.com', list: 'news' })
    ).json<{
      url: string;
    }>();
    const res = await t.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const row = await t.store.db
      .selectFrom('marketing_subscriptions')
      .select(['status', 'last_event_id'])
      .where('email', '=', 'ivy@example.com')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'unsubscribed', last_event_id: null });
    expect(await t.store.db.selectFrom('consent_events').select('id').execute()).toEqual([]);

    // A subscription can be asked for, but confirming it needs a notice to record the consent under.
    await t.app.inject({
      method: 'POST',
      url: '/api/public/marketing/subscribe',
      payload: { email: 'ivy@example.com', list: 'news' },
    });
    const mail = await t.store.db
      .selectFrom('outbox')
      .select('text_body')
      .where('template', '=', 'marketing-confirm')
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_.-]+)/.exec(mail.text_body)?.[1] ?? '';
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/public/marketing/confirm',
      payload: { token },
    });
    expect(confirm.statusCode).toBe(503);
  });
});
