import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { isPrivetError } from '../domain/errors.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { getOutboxEntry } from './get-outbox-entry.ts';
import { queueMail } from './queue-mail.ts';

const from = 'Privet <privacy@privet.test>';

describe.each(storeKinds)('queueMail on %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await openTestStore(kind);
  });
  afterAll(async () => {
    await db.cleanup();
  });

  const clock = fixedClock('2030-01-02T03:04:05.000Z');
  const message = {
    to: 'ada@example.com',
    template: 'test-message',
    locale: 'de',
    data: { name: 'Ada' },
    headers: { 'List-Unsubscribe': '<https://privet.test/u/abc>' },
  };

  it('keeps the message, unsent, when SMTP is not configured', async () => {
    const entry = await queueMail(
      { store: db.store, clock, config: { smtpUrl: undefined, mailFrom: from } },
      message,
    );
    expect(entry).toMatchObject({
      to: 'ada@example.com',
      from,
      subject: 'Testnachricht von Privet',
      template: 'test-message',
      locale: 'de',
      status: 'kept',
      attempts: 0,
      error: null,
      messageId: null,
      createdAt: '2030-01-02T03:04:05.000Z',
      sentAt: null,
      headers: { 'List-Unsubscribe': '<https://privet.test/u/abc>' },
    });
    expect(entry.text).toContain('Hallo Ada,');
    expect(entry.html).toContain('<p>Hallo Ada,</p>');
    expect(await getOutboxEntry(db.store, entry.id)).toEqual(entry);
  });

  it('queues the message for delivery when SMTP is configured', async () => {
    const config = { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: from };
    const entry = await queueMail({ store: db.store, clock, config }, message);
    expect(entry.status).toBe('queued');
    expect((await getOutboxEntry(db.store, entry.id))?.status).toBe('queued');
  });

  it('writes inside the caller transaction: rolled back with it, kept when it commits', async () => {
    const deps = { store: db.store, clock, config: { smtpUrl: undefined, mailFrom: from } };
    let rolledBackId = '';
    await expect(
      db.store.transaction(async (trx) => {
        rolledBackId = (await queueMail(deps, message, trx)).id;
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(rolledBackId).not.toBe('');
    expect(await getOutboxEntry(db.store, rolledBackId)).toBeUndefined();

    const committed = await db.store.transaction((trx) => queueMail(deps, message, trx));
    expect((await getOutboxEntry(db.store, committed.id))?.status).toBe('kept');
  });

  it.each([
    ['a second recipient', { to: 'ada@example.com, eve@example.com' }, 'to'],
    ['a display name', { to: 'Ada <ada@example.com>' }, 'to'],
    [
      'a line break in a header',
      { headers: { 'List-Unsubscribe': '<x>\r\nBcc: eve@example.com' } },
      'headers.List-Unsubscribe',
    ],
    ['an override of Bcc', { headers: { Bcc: 'eve@example.com' } }, 'headers.Bcc'],
  ])('refuses %s', async (_what, change, path) => {
    const deps = { store: db.store, clock, config: { smtpUrl: undefined, mailFrom: from } };
    const error: unknown = await queueMail(deps, { ...message, ...change }).catch((e: unknown) => e);
    expect(isPrivetError(error, 'validation_failed')).toBe(true);
    expect(isPrivetError(error) && error.issues.map((i) => i.path)).toEqual([path]);
  });
});
