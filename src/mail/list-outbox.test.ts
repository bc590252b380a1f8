import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { listOutbox } from './list-outbox.ts';
import { queueMail } from './queue-mail.ts';

describe.each(storeKinds)('listOutbox on %s', (kind) => {
  let db: TestStore;
  const ids: string[] = [];
  beforeAll(async () => {
    db = await openTestStore(kind);
    const clock = fixedClock('2030-01-01T00:00:00.000Z');
    const kept = { store: db.store, clock, config: { smtpUrl: undefined, mailFrom: 'privet@privet.test' } };
    const queued = { ...kept, config: { ...kept.config, smtpUrl: 'smtp://127.0.0.1:1' } };
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      const to = i % 2 === 0 ? 'even@example.com' : 'odd@example.com';
      const entry = await queueMail(i < 5 ? kept : queued, {
        to,
        template: 'test-message',
        data: { name: `n${i}` },
      });
      ids.push(entry.id);
    }
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('pages through every entry newest first', async () => {
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listOutbox(db.store, { limit: 3, before });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      before = page.nextCursor ?? undefined;
      pages++;
    } while (before !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('has no next cursor when the page holds the rest', async () => {
    const page = await listOutbox(db.store, { limit: 7 });
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by recipient and status', async () => {
    const odd = await listOutbox(db.store, { to: 'odd@example.com' });
    expect(odd.items.map((e) => e.id)).toEqual([ids[5], ids[3], ids[1]]);
    const queued = await listOutbox(db.store, { status: 'queued' });
    expect(queued.items.map((e) => e.id)).toEqual([ids[6], ids[5]]);
    const both = await listOutbox(db.store, { status: 'kept', to: 'even@example.com', limit: 1 });
    expect(both.items.map((e) => e.id)).toEqual([ids[4]]);
    const next = await listOutbox(db.store, {
      status: 'kept',
      to: 'even@example.com',
      before: both.nextCursor ?? '',
    });
    expect(next.items.map((e) => e.id)).toEqual([ids[2], ids[0]]);
  });

  it('clamps the page size', async () => {
    expect((await listOutbox(db.store, { limit: 0 })).items).toHaveLength(1);
    expect((await listOutbox(db.store, { limit: 10_000 })).items).toHaveLength(7);
  });
});
