import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { appendAudit } from './append-audit.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import { listAudit } from './list-audit.ts';
import { verifyAudit } from './verify-audit.ts';

describe.each(storeKinds)('audit ledger on %s', (kind) => {
  let t: TestStore;
  const clock = fixedClock('2026-01-01T00:00:00Z');
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function appendMany(n: number) {
    for (let i = 0; i < n; i += 1) {
      clock.advance(1000);
      await appendAudit(
        { store: t.store, clock },
        {
          actor: `user:u${i % 2}`,
          action: i % 2 ? 'auth.login' : 'user.create',
          target: `user:u${i}`,
          details: { i },
        },
      );
    }
  }

  it('links every entry to the previous one by hash', async () => {
    await appendMany(3);
    const rows = await t.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyAudit(t.store)).toEqual({ ok: true, entries: 3, head: rows[2]?.hash });
  });

  it('keeps one chain when many appends race', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        appendAudit({ store: t.store, clock }, { actor: 'system', action: 'test.race', target: `t:${i}` }),
      ),
    );
    const result = await verifyAudit(t.store);
    expect(result).toMatchObject({ ok: true, entries: 25 });
  });

  it('names the first altered entry', async () => {
    await appendMany(5);
    if (kind === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(t.store.db);
    else await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.store.db);
    await t.store.db.updateTable('audit_log').set({ details: '{"i":99}' }).where('seq', '=', 3).execute();
    const result = await verifyAudit(t.store);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.broken.seq).toBe(3);
      expect(result.broken.reason).toMatch(/altered/);
      expect(result.entries).toBe(2);
    }
  });

  it('names the gap left by a deleted entry', async () => {
    await appendMany(4);
    if (kind === 'sqlite') await sql`drop trigger audit_log_no_delete`.execute(t.store.db);
    else await sql`alter table audit_log disable trigger audit_log_no_change`.execute(t.store.db);
    await t.store.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const result = await verifyAudit(t.store);
    expect(result).toMatchObject({ ok: false, broken: { seq: 3 } });
  });

  it('refuses updates and deletes at the database', async () => {
    await appendMany(1);
    await expect(t.store.db.updateTable('audit_log').set({ actor: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('lists newest first with filters and a cursor', async () => {
    await appendMany(6);
    const first = await listAudit(t.store, { limit: 2 });
    expect(first.entries.map((e) => e.seq)).toEqual([6, 5]);
    expect(first.next).toBe(5);
    const second = await listAudit(t.store, { limit: 2, before: first.next ?? 0 });
    expect(second.entries.map((e) => e.seq)).toEqual([4, 3]);
    const logins = await listAudit(t.store, { limit: 10, action: 'auth.login' });
    expect(logins.entries.every((e) => e.action === 'auth.login')).toBe(true);
    expect(logins.entries).toHaveLength(3);
    const prefixed = await listAudit(t.store, { limit: 10, action: 'auth.*' });
    expect(prefixed.entries).toHaveLength(3);
    const byActor = await listAudit(t.store, { limit: 10, actor: 'user:u0' });
    expect(byActor.entries.map((e) => e.details.i)).toEqual([4, 2, 0]);
  });
});
