// The data every engine's data connection is tested on: the same people, visits and hostile names, loaded as
// SQL tables (PostgreSQL, MariaDB, SQLite) or as Redis hashes under key templates.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  loadMariadbSample,
  loadPostgresSample,
  loadSqliteSample,
} from '../../test/support/load-sample-database.ts';
import { quoteIdentifier, type SqlDialect } from './quote-identifier.ts';

/** A table name and a column name that try to break out of their quotes in every dialect. */
export const HOSTILE_TABLE = 'we"ird`; DROP TABLE person; --';
export const HOSTILE_COLUMN = 'a"b`c d';

/** How many visits person 1 has: more than one cursor fetch or stream batch. */
export const VISITS = 1_500;

/** The people: an email with stray case and spaces, a look-alike, unicode and a formatted phone. */
export const people = [
  { id: 1, email: ' Ada@Example.com ', phone: '+44 20 7946 0958', nickname: 'ada', born: '1990-05-01' },
  { id: 2, email: 'bob@example.com', phone: '(415) 555-0100', nickname: null, born: null },
  { id: 3, email: 'ÜNÏ@exämple.com', phone: null, nickname: 'uni', born: '1985-12-31' },
  { id: 4, email: 'ada@example.com.evil', phone: '+1 415 555 0100', nickname: 'eve', born: null },
] as const;

/** A loaded fixture: its URL, the collection names to use, and how to remove it. */
export interface DataFixture {
  readonly url: string;
  readonly person: string;
  readonly visit: string;
  readonly hostile: string;
  drop(): Promise<void>;
}

function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

function fixtureSql(dialect: SqlDialect): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const personRows = people.map((p) => [p.id, p.email, p.phone, p.nickname, p.born].map(literal).join(', '));
  const visitRows = Array.from(
    { length: VISITS },
    (_, i) => `(1, 'v${String(i).padStart(5, '0')}', '/p${i}')`,
  );
  return `
CREATE TABLE person (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, phone VARCHAR(40),
  nickname VARCHAR(100), born DATE);
CREATE TABLE visit (person_id INTEGER NOT NULL, at VARCHAR(30) NOT NULL, page VARCHAR(100), PRIMARY KEY (person_id, at));
CREATE TABLE ${q(HOSTILE_TABLE)} (id INTEGER NOT NULL PRIMARY KEY, ${q(HOSTILE_COLUMN)} VARCHAR(100));
INSERT INTO person (id, email, phone, nickname, born) VALUES ${personRows.map((r) => `(${r})`).join(', ')};
INSERT INTO visit (person_id, at, page) VALUES ${visitRows.join(', ')}, (2, 'v00000', '/bob');
INSERT INTO ${q(HOSTILE_TABLE)} (id, ${q(HOSTILE_COLUMN)}) VALUES (1, 'odd'), (2, ' OR 1=1 --');
`;
}

function sqlFixture(load: () => Promise<{ url: string; drop(): Promise<void> }>) {
  return async (): Promise<DataFixture> => {
    const database = await load();
    return {
      url: database.url,
      person: 'person',
      visit: 'visit',
      hostile: HOSTILE_TABLE,
      drop: () => database.drop(),
    };
  };
}

async function redisFixture(): Promise<DataFixture> {
  const prefix = `privet-data-${randomBytes(4).toString('hex')}`;
  const client = new Redis({ host: '127.0.0.1', port: 6379, db: 13, lazyConnect: true });
  await client.connect();
  const pipeline = client.pipeline();
  for (const p of people) {
    const fields = Object.entries(p).filter(([k, v]) => k !== 'id' && v !== null);
    pipeline.hset(`${prefix}:person:${p.id}`, Object.fromEntries(fields));
  }
  for (let i = 0; i < VISITS; i++)
    pipeline.hset(`${prefix}:visit:1:v${String(i).padStart(5, '0')}`, { page: `/p${i}` });
  pipeline.hset(`${prefix}:visit:2:v00000`, { page: '/bob' });
  pipeline.hset(`${prefix}:${HOSTILE_TABLE}:1`, { [HOSTILE_COLUMN]: 'odd' });
  pipeline.hset(`${prefix}:${HOSTILE_TABLE}:2`, { [HOSTILE_COLUMN]: ' OR 1=1 --' });
  await pipeline.exec();
  return {
    url: 'redis://127.0.0.1:6379/13',
    person: `${prefix}:person:{id}`,
    visit: `${prefix}:visit:{person_id}:{at}`,
    hostile: `${prefix}:${HOSTILE_TABLE}:{id}`,
    drop: async () => {
      const keys = await client.keys(`${prefix}:*`);
      for (let i = 0; i < keys.length; i += 500) await client.del(...keys.slice(i, i + 500));
      client.disconnect();
    },
  };
}

/** Every engine with its fixture loader, for `describe.each`. */
export const dataFixtures = [
  { engine: 'postgres', load: sqlFixture(() => loadPostgresSample(fixtureSql('postgres'))) },
  { engine: 'mysql', load: sqlFixture(() => loadMariadbSample(fixtureSql('mysql'))) },
  { engine: 'sqlite', load: sqlFixture(() => loadSqliteSample(fixtureSql('sqlite'))) },
  { engine: 'redis', load: redisFixture },
] as const;
