import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/start-test-smtp-server.ts';
import { parseRawMail } from '../../test/support/parse-raw-mail.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { systemClock } from '../domain/clock.ts';
import { getOutboxEntry } from './get-outbox-entry.ts';
import { queueMail } from './queue-mail.ts';
import { sendMail } from './send-mail.ts';

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(['sqlite', 'postgres'] as const)('mail through the job queue on %s', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  const stop = new AbortController();
  let working: Promise<void>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp({
      kind,
      env: { PRIVET_SMTP_URL: smtp.url, PRIVET_MAIL_FROM: 'Privet <privacy@shop.test>' },
    });
    working = t.queue.work({ signal: stop.signal, concurrency: 2 });
  });
  afterAll(async () => {
    stop.abort();
    await working;
    await t.stop();
    await smtp.close();
  });

  it('sendMail delivers over SMTP through a mail.deliver job, with its headers', async () => {
    const entry = await sendMail(
      { store: t.store, clock: systemClock, config: t.config, queue: t.queue },
      {
        to: 'ada@example.com',
        template: 'test-message',
        locale: 'de',
        data: { name: 'Ada' },
        headers: {
          'List-Unsubscribe': '<https://shop.test/u/abc>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
    );
    expect(entry.status).toBe('queued');
    await waitFor(
      async () => (await getOutboxEntry(t.store, entry.id))?.status === 'sent',
      'the mail to be sent',
    );
    const mail = smtp.received.find((m) => m.rcptTo.includes('ada@example.com'));
    expect(mail).toBeDefined();
    const parsed = parseRawMail(mail?.raw ?? '');
    expect(parsed.header('list-unsubscribe')).toBe('<https://shop.test/u/abc>');
    expect(parsed.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(parsed.header('from')).toContain('privacy@shop.test');
    // The worker's own sweep may reach the entry first; either way it is sent once and the job completes.
    const deliveryJob = () =>
      t.store.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'mail.deliver').execute();
    await waitFor(
      async () => (await deliveryJob())[0]?.status === 'completed',
      'the delivery job to complete',
    );
    expect(await deliveryJob()).toEqual([{ kind: 'mail.deliver', status: 'completed' }]);
    expect(smtp.received.filter((m) => m.rcptTo.includes('ada@example.com'))).toHaveLength(1);
  });

  it('the sweep delivers mail written inside a transaction without a delivery job', async () => {
    const entry = await t.store.transaction((trx) =>
      queueMail(
        { store: t.store, clock: systemClock, config: t.config },
        { to: 'bo@example.com', template: 'test-message', data: { name: 'Bo' } },
        trx,
      ),
    );
    await t.queue.enqueue('mail.sweep', null);
    await waitFor(
      async () => (await getOutboxEntry(t.store, entry.id))?.status === 'sent',
      'the sweep to send it',
    );
    expect(smtp.received.filter((m) => m.rcptTo.includes('bo@example.com'))).toHaveLength(1);
  });
});
