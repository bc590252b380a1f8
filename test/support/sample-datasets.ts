import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const datasets = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));

/** The shared sample SQL scripts the discovery and connector tests load. */
export const sampleScripts = {
  chinookPostgres: `${datasets}chinook/Chinook_PostgreSql.sql`,
  chinookMysql: `${datasets}chinook/Chinook_MySql.sql`,
  chinookSqlite: `${datasets}chinook/Chinook_Sqlite.sql`,
  fidesShopPostgres: `${datasets}fides-example/src_fides_data_sample_project_postgres_sample.sql`,
} as const;

/** Reads a sample script without the lines that create, drop or switch databases (tests load into their own). */
export async function readSampleScript(path: string): Promise<string> {
  const sql = await readFile(path, 'utf8');
  return sql
    .split('\n')
    .filter((line) => !/^\s*(DROP DATABASE|CREATE DATABASE|USE\s|\\c\s)/i.test(line))
    .join('\n');
}
