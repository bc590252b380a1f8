import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface MigrationResult {
  readonly applied: readonly string[];
  readonly current: string | null;
}

interface Migration {
  readonly version: string;
  readonly name: string;
  readonly file: string;
}

async function listMigrations(dialect: Store['dialect']): Promise<Migration[]> {
  const dir = fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return files.map((file) => {
    const [, version = '', name = ''] = MIGRATION_FILE.exec(file) ?? [];
    return { version, name, file: `${dir}${file}` };
  });
}

/**
 * Applies every numbered migration of the store's dialect that has not run yet, each in its own transaction.
 * Safe to call from several processes at once: they serialise on one lock and skip what another applied.
 */
export async function migrate(store: Store): Promise<MigrationResult> {
  await store.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied: string[] = [];
  for (const migration of await listMigrations(store.dialect)) {
    const script = await readFile(migration.file, 'utf8');
    const ran = await store.transaction(
      async (trx) => {
        const done = await trx
          .selectFrom('schema_migrations')
          .select('version')
          .where('version', '=', migration.version)
          .executeTakeFirst();
        if (done) return false;
        await runScript(store, trx, script);
        await trx
          .insertInto('schema_migrations')
          .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
          .execute();
        return true;
      },
      { lock: 'privet:migrate' },
    );
    if (ran) applied.push(`${migration.version}_${migration.name}`);
  }
  const last = await store.db
    .selectFrom('schema_migrations')
    .select('version')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return { applied, current: last?.version ?? null };
}

async function runScript(store: Store, trx: Kysely<Database>, script: string): Promise<void> {
  // better-sqlite3 runs a script on its one connection, inside the open transaction; pg sends a
  // parameterless multi-statement query over the transaction's client.
  if (store.dialect === 'sqlite') await store.execScript(script);
  else await sql.raw(script).execute(trx);
}
