import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { commitConsentBatch, recordConsent } from './commit-consent-batch.ts';
import { CONSENT_GENESIS_HASH } from './consent-hash.ts';
import { listConsentHistory } from './consent-history.ts';
import { createConsentIngest } from './consent-ingest.ts';
import { readConsentState, readPurposeState } from './consent-state.ts';
import { bannerSubmission, deviceId, seedConsentDemo } from './consent-test-kit.ts';
import { verifyConsentLedger } from './verify-consent-ledger.ts';

describe.each(storeKinds)('consent ledger on %s', (kind) => {
  let t: TestStore;
  const clock = fixedClock('2026-02-01T10:00:00Z');
  const deps = () => ({ store: t.store, clock });
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedConsentDemo(deps());
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function tamper(statement: ReturnType<typeof sql>) {
    if (kind === 'sqlite') {
      await sql`drop trigger consent_events_no_update`.execute(t.store.db);
      await sql`drop trigger consent_events_no_delete`.execute(t.store.db);
    } else await sql`alter table consent_events disable trigger consent_events_no_change`.execute(t.store.db);
    await statement.execute(t.store.db);
  }

  it('chains every event to the previous one and verifies', async () => {
    await recordConsent(deps(), bannerSubmission(deviceId(), true));
    clock.advance(1000);
    await recordConsent(deps(), bannerSubmission(deviceId(), false));
    const rows = await t.store.db.selectFrom('consent_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]?.prev_hash).toBe(CONSENT_GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(await verifyConsentLedger(t.store)).toEqual({ ok: true, events: 6, head: rows[5]?.hash });
  });

  it('names the first altered event', async () => {
    const device = deviceId();
    await recordConsent(deps(), bannerSubmission(device, false));
    await recordConsent(deps(), bannerSubmission(deviceId(), true));
    const target = await t.store.db
      .selectFrom('consent_events')
      .select('id')
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    // Turning a refusal into consent after the fact is exactly what the chain must expose.
    await tamper(sql`update consent_events set action = 'given' where seq = 2`);
    const result = await verifyConsentLedger(t.store);
    expect(result).toEqual({
      ok: false,
      events: 1,
      broken: { seq: 2, id: target.id, reason: 'content does not match its hash (altered)' },
    });
  });

  it('names the gap left by a deleted event', async () => {
    await recordConsent(deps(), bannerSubmission(deviceId(), true));
    await tamper(sql`delete from consent_events where seq = 2`);
    expect(await verifyConsentLedger(t.store)).toMatchObject({ ok: false, events: 1, broken: { seq: 3 } });
  });

  it('refuses updates and deletes at the database', async () => {
    await recordConsent(deps(), bannerSubmission(deviceId(), true));
    await expect(
      t.store.db.updateTable('consent_events').set({ action: 'withdrawn' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.store.db.deleteFrom('consent_events').execute()).rejects.toThrow(/append-only/);
  });

  it('keeps the current state per device and purpose, and the history newest first', async () => {
    const device = deviceId();
    await recordConsent(deps(), bannerSubmission(device, true));
    clock.advance(60_000);
    const later = await recordConsent(deps(), {
      ...bannerSubmission(device, false),
      choices: { marketing: false },
    });
    const state = await readConsentState(t.store.db, { type: 'device', id: device });
    expect(state.map((s) => [s.purposeKey, s.action])).toEqual([
      ['analytics.reporting', 'given'],
      ['functional.storage', 'given'],
      ['marketing.advertising', 'withdrawn'],
    ]);
    const marketing = await readPurposeState(
      t.store.db,
      { type: 'device', id: device },
      'marketing.advertising',
    );
    expect(marketing).toMatchObject({
      eventId: later.receiptIds[0],
      method: 'banner',
      noticeVersion: '2026-01',
    });
    const page = await listConsentHistory(t.store.db, { type: 'device', id: device }, { limit: 3 });
    expect(page.events.map((e) => [e.categoryKey, e.action])).toEqual([
      ['marketing', 'withdrawn'],
      ['marketing', 'given'],
      ['analytics', 'given'],
    ]);
    const rest = await listConsentHistory(
      t.store.db,
      { type: 'device', id: device },
      { limit: 3, before: page.next ?? 0 },
    );
    expect(rest.events.map((e) => e.categoryKey)).toEqual(['preferences']);
    expect(rest.next).toBeNull();
  });

  it('lets an unverified person id opt out but never opt in; a verified one does both', async () => {
    await recordConsent(deps(), { ...bannerSubmission(deviceId(), true), personId: 'cust-1' });
    expect(await readConsentState(t.store.db, { type: 'person', id: 'cust-1' })).toEqual([]);
    await recordConsent(deps(), { ...bannerSubmission(deviceId(), false), personId: 'cust-1' });
    expect(
      (await readConsentState(t.store.db, { type: 'person', id: 'cust-1' })).map((s) => s.action),
    ).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    await recordConsent(deps(), {
      ...bannerSubmission(deviceId(), true),
      personId: 'cust-1',
      personVerified: true,
      method: 'staff',
      purposeActions: [{ purposeKey: 'marketing.communications.email', action: 'objected' }],
    });
    const state = await readConsentState(t.store.db, { type: 'person', id: 'cust-1' });
    expect(state.map((s) => [s.purposeKey, s.action, s.method])).toEqual([
      ['analytics.reporting', 'given', 'staff'],
      ['functional.storage', 'given', 'staff'],
      ['marketing.advertising', 'given', 'staff'],
      ['marketing.communications.email', 'objected', 'staff'],
    ]);
  });

  it('refuses one bad submission of a batch and records the others', async () => {
    const good = deviceId();
    const outcomes = await commitConsentBatch(deps(), [
      bannerSubmission(good, true),
      bannerSubmission(deviceId(), true, { noticeVersion: '2025-01' }),
      bannerSubmission(deviceId(), true, { choices: { necessary: false, tracking: true } }),
    ]);
    expect(outcomes[0]?.ok).toBe(true);
    expect(outcomes[1]).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        issues: [{ code: 'stale_notice_version', path: 'body.noticeVersion' }],
      },
    });
    expect(outcomes[2]).toMatchObject({
      ok: false,
      error: {
        issues: [
          { code: 'required_category', path: 'body.choices.necessary' },
          { code: 'unknown_category', path: 'body.choices.tracking' },
        ],
      },
    });
    expect((await verifyConsentLedger(t.store)).ok).toBe(true);
    const count = await t.store.db
      .selectFrom('consent_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('group-commits concurrent submissions: fewer transactions than posts, every one durable on return', async () => {
    const batches: number[] = [];
    const ingest = createConsentIngest(deps(), { onBatch: (size) => batches.push(size) });
    const devices = Array.from({ length: 200 }, (_, i) => deviceId(`g${i}`));
    const results = await Promise.all(devices.map((d) => ingest.record(bannerSubmission(d, true))));
    await ingest.close();
    expect(results.every((r) => r.receiptIds.length === 3)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(200);
    expect(batches.length).toBeLessThan(200);
    // Durable means visible to another connection, not just to the writer.
    const receipts = results.flatMap((r) => r.receiptIds);
    let stored: number;
    if (kind === 'sqlite') {
      const other = new Database(t.url, { readonly: true });
      stored = (other.prepare('select count(*) n from consent_events').get() as { n: number }).n;
      other.close();
    } else {
      const { default: pg } = await import('pg');
      const other = new pg.Client({ connectionString: t.url });
      await other.connect();
      stored = Number((await other.query<{ n: string }>('select count(*) n from consent_events')).rows[0]?.n);
      await other.end();
    }
    expect(stored).toBe(receipts.length);
    expect(await verifyConsentLedger(t.store)).toMatchObject({ ok: true, events: 600 });
  });
});
