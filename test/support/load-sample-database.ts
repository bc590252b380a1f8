import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectMariadbAdmin, createMariadbDatabase } from './create-mariadb-database.ts';
import { readSampleScript } from './sample-datasets.ts';
import { createPostgresDatabase, type TestDatabase } from './test-stores.ts';

/** Runs SQL (several statements) in a fresh PostgreSQL database; `drop()` removes the database. */
export async function loadPostgresSample(...sql: readonly string[]): Promise<TestDatabase> {
  const database = await createPostgresDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const script of sql) await client.query(script);
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    await client.end();
  }
  return database;
}

/** Runs SQL (several statements) in a fresh MariaDB database; `drop()` removes the database. */
export async function loadMariadbSample(...sql: readonly string[]): Promise<TestDatabase> {
  const database = await createMariadbDatabase();
  const conn = await connectMariadbAdmin(database.name);
  try {
    for (const script of sql) await conn.query(script);
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    await conn.end();
  }
  return database;
}

/** Runs SQL in a new SQLite file in a temp dir; the URL is `sqlite:<path>`; `drop()` deletes the dir. */
export async function loadSqliteSample(
  ...sql: readonly string[]
): Promise<TestDatabase & { readonly path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'privet-sample-'));
  const path = join(dir, 'sample.db');
  const db = new Database(path);
  try {
    for (const script of sql) db.exec(script);
  } finally {
    db.close();
  }
  return { path, url: `sqlite:${path}`, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** Loads a shared sample script (without its CREATE/USE DATABASE lines) with the given loader. */
export async function loadSampleScript(
  load: (...sql: readonly string[]) => Promise<TestDatabase>,
  path: string,
): Promise<TestDatabase> {
  return load(await readSampleScript(path));
}
