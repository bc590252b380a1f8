import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migrate } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

/** Where tests find PostgreSQL: a server on which they may create and drop databases. */
export const testPostgresAdminUrl =
  process.env.PRIVET_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database with a unique name; `drop()` removes it, ending its connections. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `privet_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testPostgresAdminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestStore {
  readonly store: Store;
  /** The URL the store was opened from (a file path or postgres URL), for child processes. */
  readonly url: string;
  cleanup(): Promise<void>;
}

/** The store kinds every store-backed suite runs against. */
export const storeKinds = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof storeKinds)[number];

/** Opens a migrated, empty store of the given kind; `cleanup()` closes and deletes it. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'privet-test-'));
    const url = join(dir, 'privet.db');
    const store = openStore(url);
    await migrate(store);
    return {
      store,
      url,
      cleanup: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createPostgresDatabase();
  const store = openStore(database.url);
  await migrate(store);
  return {
    store,
    url: database.url,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}
