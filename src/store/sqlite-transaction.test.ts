import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-stores.ts';
import { openSqliteStore } from './open-sqlite-store.ts';
import type { Database } from './schema.ts';

async function synchronousLevel(db: Kysely<Database>) {
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return rows[0]?.synchronous;
}

const count = async (db: Kysely<Database>) =>
  (await sql<{ c: number }>`select count(*) as c from t`.execute(db)).rows[0]?.c;

describe('SQLite store transactions synced off the event loop (syncOffLoop)', () => {
  it('commit at FULL by default', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      await t.store.transaction(async (trx) => {
        expect(await synchronousLevel(trx)).toBe(2);
        await sql`insert into t (n) values (1)`.execute(trx);
      });
      expect(await count(t.store.db)).toBe(1);
    } finally {
      await t.cleanup();
    }
  });

  it('commit at NORMAL inside, resolve after the sync, and put the connection back to FULL', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      const value = await t.store.transaction(
        async (trx) => {
          // Inside the transaction the level is NORMAL: its commit does not fsync on this thread.
          expect(await synchronousLevel(trx)).toBe(1);
          await sql`insert into t (n) values (1), (2)`.execute(trx);
          return 'ok';
        },
        { syncOffLoop: true },
      );
      expect(value).toBe('ok');
      // Single statements outside a transaction keep syncing at every commit.
      expect(await synchronousLevel(t.store.db)).toBe(2);
      expect(await count(t.store.db)).toBe(2);
    } finally {
      await t.cleanup();
    }
  });

  it('roll back when the work throws, and still put the level back', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      await expect(
        t.store.transaction(
          async (trx) => {
            await sql`insert into t (n) values (1)`.execute(trx);
            throw new Error('refused');
          },
          { syncOffLoop: true },
        ),
      ).rejects.toThrow('refused');
      expect(await synchronousLevel(t.store.db)).toBe(2);
      expect(await count(t.store.db)).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it('let concurrent transactions commit while a sync runs, each resolving durable', async () => {
    const t = await openTestStore('sqlite');
    try {
      await sql`create table t (n integer)`.execute(t.store.db);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.store.transaction((trx) => sql`insert into t (n) values (${i})`.execute(trx), {
            syncOffLoop: true,
          }),
        ),
      );
      expect(await count(t.store.db)).toBe(20);
    } finally {
      await t.cleanup();
    }
  });

  it('work in memory, where there is no log file to sync', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await sql`create table t (n integer)`.execute(store.db);
      await store.transaction((trx) => sql`insert into t (n) values (1)`.execute(trx), { syncOffLoop: true });
      expect(await count(store.db)).toBe(1);
    } finally {
      await store.close();
    }
  });
});
