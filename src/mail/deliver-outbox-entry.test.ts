import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { createSmtpTransport } from './create-smtp-transport.ts';
import { deliverOutboxEntry } from './deliver-outbox-entry.ts';
import { getOutboxEntry } from './get-outbox-entry.ts';
import type { MailMessage } from './mailer.ts';
import type { MailTransport } from './mail-transport.ts';
import { queueMail } from './queue-mail.ts';
import { parseRawMail } from '../../test/support/parse-raw-mail.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/start-test-smtp-server.ts';

const from = 'Privet <privacy@privet.test>';
const signal = new AbortController().signal;

describe.each(storeKinds)('deliverOutboxEntry on %s', (kind) => {
  let db: TestStore;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let smtpUrl = '';
  let releaseHeld: () => void = () => undefined;
  let recipientHeld: Promise<void>;
  let signalRecipientHeld: () => void = () => undefined;
  const clock = fixedClock('2030-05-06T07:08:09.000Z');

  beforeAll(async () => {
    db = await openTestStore(kind);
    recipientHeld = new Promise((resolve) => (signalRecipientHeld = resolve));
    let held = false;
    smtp = await startTestSmtpServer({
      onRecipient: async (address) => {
        if (address !== 'slow@example.com' || held) return;
        held = true;
        signalRecipientHeld();
        await new Promise<void>((resolve) => (releaseHeld = resolve));
      },
      refuseRecipient: (address) => {
        if (address === 'nobody@example.com') return { code: 550, message: '5.1.1 No such user here' };
        if (address === 'busy@example.com') return { code: 451, message: '4.3.0 Mailbox busy, try later' };
        return undefined;
      },
    });
    smtpUrl = smtp.url;
    transport = createSmtpTransport(smtpUrl);
  });
  afterAll(async () => {
    releaseHeld();
    transport.close();
    await smtp.close();
    await db.cleanup();
  });

  const deps = () => ({ store: db.store, clock, transport });
  const queue = (message: Partial<MailMessage> = {}, mode: 'configured' | 'unset' = 'configured') =>
    queueMail(
      {
        store: db.store,
        clock,
        config: { smtpUrl: mode === 'configured' ? smtpUrl : undefined, mailFrom: from },
      },
      { to: 'ada@example.com', template: 'test-message', data: { name: 'Ada' }, ...message },
    );
  const receivedWith = (messageId: string | null) =>
    smtp.received.filter((m) => parseRawMail(m.raw).header('Message-ID') === messageId);

  it('sends a queued message with its headers and both bodies, then marks it sent', async () => {
    const queued = await queue({
      template: 'admin-login-link',
      locale: 'de',
      data: {
        name: 'Ada <Admin>',
        url: 'https://privet.test/admin/login?token=t0k&x=1',
        expiresAt: '06.05.2030 08:08',
      },
      headers: {
        'List-Unsubscribe': '<https://privet.test/u/tok123>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    const sent = await deliverOutboxEntry(deps(), queued.id, signal);

    expect(sent).toMatchObject({
      status: 'sent',
      attempts: 1,
      error: null,
      messageId: `<${queued.id}@privet.test>`,
      sentAt: '2030-05-06T07:08:09.000Z',
    });
    const [mail, ...more] = receivedWith(sent.messageId);
    expect(more).toHaveLength(0);
    expect(mail?.mailFrom).toBe('privacy@privet.test');
    expect(mail?.rcptTo).toEqual(['ada@example.com']);
    const parsed = parseRawMail(mail?.raw ?? '');
    expect(parsed.header('To')).toBe('ada@example.com');
    expect(parsed.header('From')).toBe('Privet <privacy@privet.test>');
    expect(parsed.header('Subject')).toBe('Ihr Anmeldelink für Privet');
    expect(parsed.header('Message-ID')).toBe(`<${queued.id}@privet.test>`);
    expect(parsed.header('List-Unsubscribe')).toBe('<https://privet.test/u/tok123>');
    expect(parsed.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(parsed.header('Date')).toBe('Mon, 06 May 2030 07:08:09 +0000');
    expect(parsed.header('Content-Type')).toMatch(/^multipart\/alternative;/);
    expect(parsed.parts.map((p) => p.contentType.split(';')[0])).toEqual(['text/plain', 'text/html']);
    expect(parsed.parts[0]?.body).toContain('Hallo Ada <Admin>,');
    expect(parsed.parts[0]?.body).toContain('https://privet.test/admin/login?token=t0k&x=1');
    expect(parsed.parts[1]?.body).toContain('<p>Hallo Ada &lt;Admin&gt;,</p>');
    expect(parsed.parts[1]?.body).toContain('href="https://privet.test/admin/login?token=t0k&amp;x=1"');
    expect(await getOutboxEntry(db.store, queued.id)).toEqual(sent);
  });

  it('sends an entry once however often it is delivered', async () => {
    const queued = await queue();
    const first = await deliverOutboxEntry(deps(), queued.id, signal);
    const second = await deliverOutboxEntry(deps(), queued.id, signal);
    expect(second).toEqual(first);
    expect(receivedWith(first.messageId)).toHaveLength(1);
  });

  it('sends once when two deliveries race', async () => {
    const queued = await queue();
    const results = await Promise.allSettled([
      deliverOutboxEntry(deps(), queued.id, signal),
      deliverOutboxEntry(deps(), queued.id, signal),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') expect(isPrivetError(result.reason, 'unavailable')).toBe(true);
    }
    expect(receivedWith(`<${queued.id}@privet.test>`)).toHaveLength(1);
    expect(await getOutboxEntry(db.store, queued.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records a permanent refusal (550 on RCPT) as failed after one attempt', async () => {
    const queued = await queue({ to: 'nobody@example.com' });
    const failed = await deliverOutboxEntry(deps(), queued.id, signal);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, messageId: null, sentAt: null });
    expect(failed.error).toContain('550');
    expect(failed.error).toContain('No such user here');
    expect(await deliverOutboxEntry(deps(), queued.id, signal)).toEqual(failed);
    expect(receivedWith(`<${queued.id}@privet.test>`)).toHaveLength(0);
  });

  it('retries a transient refusal (451) until the attempts run out', async () => {
    const queued = await queue({ to: 'busy@example.com' });
    for (let attempt = 1; attempt < 5; attempt++) {
      const error: unknown = await deliverOutboxEntry(deps(), queued.id, signal).catch((e: unknown) => e);
      expect(isPrivetError(error, 'unavailable')).toBe(true);
      const entry = await getOutboxEntry(db.store, queued.id);
      expect(entry).toMatchObject({ status: 'queued', attempts: attempt });
      expect(entry?.error).toContain('451');
    }
    const failed = await deliverOutboxEntry(deps(), queued.id, signal);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed.error).toContain('Mailbox busy');
  });

  it('records an unreachable server without the password of the SMTP URL', async () => {
    const port = await closedPort();
    const down = createSmtpTransport(`smtp://mailer:hunter2-secret@127.0.0.1:${port}`);
    try {
      const queued = await queue();
      const error: unknown = await deliverOutboxEntry(
        { ...deps(), transport: down },
        queued.id,
        signal,
      ).catch((e: unknown) => e);
      expect(isPrivetError(error, 'unavailable')).toBe(true);
      const entry = await getOutboxEntry(db.store, queued.id);
      expect(entry).toMatchObject({ status: 'queued', attempts: 1 });
      expect(entry?.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
      expect(JSON.stringify(entry)).not.toContain('hunter2');
      expect((error as Error).message).not.toContain('hunter2');
    } finally {
      down.close();
    }
  });

  it('never sends a kept entry', async () => {
    const kept = await queue({}, 'unset');
    expect(kept.status).toBe('kept');
    expect(await deliverOutboxEntry(deps(), kept.id, signal)).toEqual(kept);
    expect(receivedWith(`<${kept.id}@privet.test>`)).toHaveLength(0);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const queued = await queue();
    await expect(
      deliverOutboxEntry(deps(), queued.id, AbortSignal.abort(new Error('shutdown'))),
    ).rejects.toThrow('shutdown');
    expect(await getOutboxEntry(db.store, queued.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('hands an entry back at once when shutdown interrupts the send', async () => {
    const queued = await queue({ to: 'slow@example.com' });
    const controller = new AbortController();
    const delivery = deliverOutboxEntry(deps(), queued.id, controller.signal);
    await recipientHeld;
    controller.abort(new Error('shutting down'));
    await expect(delivery).rejects.toThrow('shutting down');
    const interrupted = await getOutboxEntry(db.store, queued.id);
    expect(interrupted).toMatchObject({ status: 'queued', attempts: 1 });
    expect(interrupted?.error).toMatch(/Interrupted/);
    // No waiting for the claim to expire: the next delivery may go ahead now.
    const sent = await deliverOutboxEntry(deps(), queued.id, signal);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(receivedWith(sent.messageId)).toHaveLength(1);
  });

  it('reports an unknown entry as not found', async () => {
    const error: unknown = await deliverOutboxEntry(deps(), 'mail_missing', signal).catch((e: unknown) => e);
    expect(isPrivetError(error, 'not_found')).toBe(true);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
