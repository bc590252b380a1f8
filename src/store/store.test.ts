import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';

describe.each(storeKinds)('store on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('answers a ping and reports its dialect', async () => {
    await t.store.ping();
    expect(t.store.dialect).toBe(kind);
  });

  it('applies migrations once: a second run applies nothing', async () => {
    const again = await migrate(t.store);
    expect(again.applied).toEqual([]);
    expect(again.current).toMatch(/^\d{3}$/);
    const rows = await t.store.db.selectFrom('schema_migrations').select('version').execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it('rolls a transaction back when it throws', async () => {
    await expect(
      t.store.transaction(async (trx) => {
        await trx.insertInto('settings').values({ key: 'rollback', value: '1', updated_at: 'now' }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const row = await t.store.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'rollback')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('serialises transactions that name the same lock: no lost read-modify-write', async () => {
    await t.store.db
      .insertInto('settings')
      .values({ key: 'counter', value: '0', updated_at: 'now' })
      .execute();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.store.transaction(
          async (trx) => {
            const row = await trx
              .selectFrom('settings')
              .select('value')
              .where('key', '=', 'counter')
              .executeTakeFirstOrThrow();
            await trx
              .updateTable('settings')
              .set({ value: String(Number(row.value) + 1) })
              .where('key', '=', 'counter')
              .execute();
          },
          { lock: 'test:counter' },
        ),
      ),
    );
    const row = await t.store.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'counter')
      .executeTakeFirstOrThrow();
    expect(row.value).toBe('20');
  });

  it('enforces foreign keys', async () => {
    await expect(
      t.store.db
        .insertInto('sessions')
        .values({
          id_hash: 'x',
          user_id: 'nobody',
          csrf_token: 'c',
          created_at: 'a',
          expires_at: 'b',
          last_seen_at: 'c',
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('SQLite store durability', () => {
  it('syncs its log at every commit (synchronous = FULL), so an acknowledged write survives a power loss', async () => {
    const t = await openTestStore('sqlite');
    try {
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.store.db);
      expect(rows[0]?.synchronous).toBe(2);
    } finally {
      await t.cleanup();
    }
  });
});
