// One suite, every SQL engine on a real server: the same schema, the same expectations of the Introspector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadMariadbSample,
  loadPostgresSample,
  loadSqliteSample,
} from '../../test/support/load-sample-database.ts';
import type { TestDatabase } from '../../test/support/test-stores.ts';
import type { Introspector, SchemaInfo, TableInfo } from './introspection.ts';
import { seekableColumns } from '../datamap/dataset-graph/index-lookup.ts';
import { openIntrospector } from './open-introspector.ts';
import { quoteIdentifier, type SqlDialect } from './quote-identifier.ts';
import { testConnection } from './test-connection.ts';

// A column name that needs quoting in every dialect, and a table named by a reserved word.
const ODD_COLUMN = 'a"b`c d';

function contractSchema(dialect: SqlDialect): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  const text = 'VARCHAR(100)';
  return `
CREATE TABLE person (
  id INTEGER NOT NULL PRIMARY KEY,
  email ${text} NOT NULL,
  nickname ${text} DEFAULT 'anon',
  manager_id INTEGER,
  CONSTRAINT person_email_unique UNIQUE (email),
  CONSTRAINT person_manager FOREIGN KEY (manager_id) REFERENCES person (id)
);
CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, captain_id INTEGER);
CREATE TABLE player (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER,
  CONSTRAINT player_team FOREIGN KEY (team_id) REFERENCES team (id));
CREATE TABLE shelf (room INTEGER NOT NULL, slot INTEGER NOT NULL, label ${text}, PRIMARY KEY (room, slot));
CREATE TABLE book (
  id INTEGER NOT NULL PRIMARY KEY,
  room INTEGER,
  slot INTEGER,
  CONSTRAINT book_shelf FOREIGN KEY (room, slot) REFERENCES shelf (room, slot)
);
CREATE INDEX book_place ON book (room, slot);
CREATE TABLE ${q('order')} (id INTEGER NOT NULL PRIMARY KEY, ${q(ODD_COLUMN)} ${text});
INSERT INTO person (id, email, nickname, manager_id) VALUES (1, 'ada@example.com', 'ada', NULL), (2, 'bob@example.com', NULL, 1);
INSERT INTO ${q('order')} (id, ${q(ODD_COLUMN)}) VALUES (1, 'first'), (2, NULL), (3, 'third'), (4, 'fourth');
${dialect === 'sqlite' ? '' : 'ALTER TABLE team ADD CONSTRAINT team_captain FOREIGN KEY (captain_id) REFERENCES player (id);'}
`;
}

// SQLite cannot add a constraint later; its cycle is declared up front instead.
const sqliteCycle = `DROP TABLE team; CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, captain_id INTEGER REFERENCES player (id));`;

const engines = [
  { name: 'postgres', load: () => loadPostgresSample(contractSchema('postgres')) },
  { name: 'mysql', load: () => loadMariadbSample(contractSchema('mysql')) },
  { name: 'sqlite', load: () => loadSqliteSample(contractSchema('sqlite'), sqliteCycle) },
] as const;

const signal = new AbortController().signal;

describe.each(engines)('Introspector contract: $name', ({ name, load }) => {
  let database: TestDatabase;
  let introspector: Introspector;
  let schema: SchemaInfo;
  const table = (tableName: string): TableInfo => {
    const found = schema.tables.find((t) => t.name === tableName);
    if (found === undefined) throw new Error(`no table ${tableName}`);
    return found;
  };

  beforeAll(async () => {
    database = await load();
    introspector = await openIntrospector(database.url, signal);
    schema = await introspector.readSchema(signal);
  });
  afterAll(async () => {
    await introspector?.close();
    await database?.drop();
  });

  it('reports its engine and every table by name', () => {
    expect(introspector.engine).toBe(name);
    expect(schema.engine).toBe(name);
    expect(schema.tables.map((t) => t.name).sort()).toEqual([
      'book',
      'order',
      'person',
      'player',
      'shelf',
      'team',
    ]);
  });

  it('reports columns in order with type, nullability, uniqueness and default', () => {
    const person = table('person');
    expect(person.columns.map((c) => c.name)).toEqual(['id', 'email', 'nickname', 'manager_id']);
    const [id, email, nickname, manager] = person.columns;
    expect(id).toMatchObject({ nullable: false, unique: true });
    expect(id?.type.toLowerCase()).toMatch(/int/);
    expect(email).toMatchObject({ nullable: false, unique: true, default: null });
    expect(email?.type.toLowerCase()).toMatch(/char/);
    expect(nickname).toMatchObject({ nullable: true, unique: false });
    expect(nickname?.default).toContain('anon');
    expect(manager).toMatchObject({ nullable: true, unique: false, default: null });
  });

  it('reports single and composite primary keys', () => {
    expect(table('person').primaryKey).toEqual(['id']);
    expect(table('shelf').primaryKey).toEqual(['room', 'slot']);
  });

  it('reports composite foreign keys, self-references and cycles', () => {
    expect(table('book').foreignKeys).toEqual([
      expect.objectContaining({
        columns: ['room', 'slot'],
        referencedTable: 'shelf',
        referencedColumns: ['room', 'slot'],
      }),
    ]);
    expect(table('person').foreignKeys).toEqual([
      expect.objectContaining({
        columns: ['manager_id'],
        referencedTable: 'person',
        referencedColumns: ['id'],
      }),
    ]);
    expect(table('team').foreignKeys.map((fk) => fk.referencedTable)).toEqual(['player']);
    expect(table('player').foreignKeys.map((fk) => fk.referencedTable)).toEqual(['team']);
    expect(table('player').foreignKeys.every((fk) => fk.referencedNamespace === undefined)).toBe(true);
  });

  it('reports indexes with their columns and uniqueness', () => {
    expect(table('book').indexes).toContainEqual(
      expect.objectContaining({
        name: 'book_place',
        columns: ['room', 'slot'],
        unique: false,
        primary: false,
      }),
    );
    expect(table('person').indexes).toContainEqual(
      expect.objectContaining({ columns: ['email'], unique: true }),
    );
  });

  it('tells which columns an index can seek by (the graph check warns about identities that have none)', () => {
    // The primary key counts even where it has no index entry of its own (SQLite's INTEGER PRIMARY KEY).
    expect([...seekableColumns(table('person'))]).toEqual(expect.arrayContaining(['id', 'email']));
    expect(seekableColumns(table('person')).has('nickname')).toBe(false);
    expect(seekableColumns(table('book')).has('room')).toBe(true);
    // The second column of (room, slot) cannot be looked up on its own.
    expect(seekableColumns(table('book')).has('slot')).toBe(false);
    expect([...seekableColumns(table('shelf'))]).toEqual(['room']);
  });

  it('samples non-null values as text, as many as asked, quoting identifiers', async () => {
    const values = await introspector.sampleValues('order', ODD_COLUMN, 2, signal);
    expect(values).toHaveLength(2);
    for (const v of values) expect(['first', 'third', 'fourth']).toContain(v);
    expect(await introspector.sampleValues('order', ODD_COLUMN, 10, signal)).toHaveLength(3);
    expect(await introspector.sampleValues('person', 'id', 5, signal)).toEqual(
      expect.arrayContaining(['1', '2']),
    );
  });

  it('does not run what a column name smuggles in', async () => {
    await expect(
      introspector.sampleValues('person', 'email FROM person; DROP TABLE book; --', 1, signal),
    ).rejects.toThrow();
    const again = await openIntrospector(database.url, signal);
    try {
      expect((await again.readSchema(signal)).tables.map((t) => t.name)).toContain('book');
    } finally {
      await again.close();
    }
  });

  it('passes a connection test with its version', async () => {
    const result = await testConnection(database.url, signal);
    expect(result).toMatchObject({
      ok: true,
      engine: name === 'mysql' ? expect.stringMatching(/^(mysql|mariadb)$/) : name,
    });
    if (result.ok) expect(result.version).toMatch(/^\d+\.\d+/);
  });
});
