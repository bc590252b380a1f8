import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { silentLogger } from '../jobs/job-logger.ts';
import { openTestStore, type TestStore } from '../../test/support/test-stores.ts';
import { createSmtpTransport } from './create-smtp-transport.ts';
import { mailDeliveryIdempotencyKey, mailDeliveryJob } from './deliver-mail-job.ts';
import { getOutboxEntry } from './get-outbox-entry.ts';
import type { MailTransport } from './mail-transport.ts';
import { queueMail } from './queue-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/start-test-smtp-server.ts';

describe('mailDeliveryJob', () => {
  let db: TestStore;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const clock = fixedClock('2030-01-01T00:00:00.000Z');
  const ctx = {
    signal: new AbortController().signal,
    jobId: 'job_test',
    attempt: 1,
    idempotencyKey: null,
    log: silentLogger,
  };

  beforeAll(async () => {
    db = await openTestStore('sqlite');
    smtp = await startTestSmtpServer({
      refuseRecipient: (address) =>
        address === 'busy@example.com' ? { code: 452, message: 'Later' } : undefined,
    });
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
    await db.cleanup();
  });

  const queue = (to: string) =>
    queueMail(
      { store: db.store, clock, config: { smtpUrl: smtp.url, mailFrom: 'privet@privet.test' } },
      { to, template: 'test-message', data: { name: 'Ada' } },
    );
  const job = () => mailDeliveryJob({ store: db.store, clock, transport });

  it('is the mail.deliver job with five attempts', () => {
    expect(job()).toMatchObject({ kind: 'mail.deliver', maxAttempts: 5 });
    expect(mailDeliveryIdempotencyKey('mail_1')).toBe('mail.deliver:mail_1');
  });

  it('delivers the entry named by its payload', async () => {
    const entry = await queue('ada@example.com');
    await job().handler({ outboxId: entry.id }, ctx);
    expect((await getOutboxEntry(db.store, entry.id))?.status).toBe('sent');
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([['ada@example.com']]);
  });

  it('throws on a transient failure so that the queue retries', async () => {
    const entry = await queue('busy@example.com');
    const error: unknown = await job()
      .handler({ outboxId: entry.id }, ctx)
      .catch((e: unknown) => e);
    expect(isPrivetError(error, 'unavailable')).toBe(true);
  });

  it('completes without retrying when the entry does not exist', async () => {
    await expect(job().handler({ outboxId: 'mail_rolled_back' }, ctx)).resolves.toBeUndefined();
  });
});
