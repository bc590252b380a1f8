import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.ts';
import { openTestStore } from '../../test/support/test-stores.ts';
import { sqliteTransactionSyncedOffLoop } from './sqlite-off-loop-sync.ts';

async function synchronousLevel(store: { db: Parameters<typeof sqliteTransactionSyncedOffLoop>[0] }) {
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
  return rows[0]?.synchronous;
}

describe('SQLite transaction synced off the event loop', () => {
  it('commits, resolves durable after the sync, and restores the connection to synchronous = FULL', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      const done = await sqliteTransactionSyncedOffLoop(t.store.db, async (trx) => {
        // Inside the transaction the level is NORMAL: its commit does not fsync on this thread.
        expect(await synchronousLevel({ db: trx })).toBe(1);
        await sql`insert into t (n) values (1), (2)`.execute(trx);
        return 'ok';
      });
      expect(done?.value).toBe('ok');
      await done?.durable;
      expect(await synchronousLevel(t.store)).toBe(2);
      const { rows } = await sql<{ c: number }>`select count(*) as c from t`.execute(t.store.db);
      expect(rows[0]?.c).toBe(2);
    } finally {
      await t.cleanup();
    }
  });

  it('rolls back when the work throws, and still restores the level', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      await expect(
        sqliteTransactionSyncedOffLoop(t.store.db, async (trx) => {
          await sql`insert into t (n) values (1)`.execute(trx);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await synchronousLevel(t.store)).toBe(2);
      const { rows } = await sql<{ c: number }>`select count(*) as c from t`.execute(t.store.db);
      expect(rows[0]?.c).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it('declines a database without a write-ahead log file (in memory): the caller uses the store', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const done = await sqliteTransactionSyncedOffLoop(store.db, async () => 'never');
      expect(done).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
