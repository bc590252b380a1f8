// What the PostgreSQL data connection does beyond the shared contract: a few match values read in one
// statement (and through a cursor when they find more than one fetch), fields set to one value on every row
// bound once, and a schema version that changes with every schema change and only then.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type TestDatabase } from '../../../test/support/test-stores.ts';
import type { DataConnection, DataRow } from '../data-connection.ts';
import { openDataConnection } from '../open-data-connection.ts';
import { openIntrospector } from '../open-introspector.ts';

const signal = new AbortController().signal;
const ROWS = 12_001;

describe('PostgreSQL data connection', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  let connection: DataConnection;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`
      CREATE TABLE owner (id integer PRIMARY KEY, name text NOT NULL);
      CREATE TABLE item (id integer PRIMARY KEY, owner_id integer NOT NULL, label text, note varchar(20));
      INSERT INTO owner VALUES (1, 'ada'), (2, 'bob');
      INSERT INTO item SELECT g, CASE WHEN g <= ${ROWS} THEN 1 ELSE 2 END, 'l' || g, 'n' || g
        FROM generate_series(1, ${ROWS + 3}) AS g;`);
    connection = await openDataConnection(database.url, { readOnly: false }, signal);
  });
  afterAll(async () => {
    await connection?.close();
    await admin?.end();
    await database?.drop();
  });

  const read = async (values: unknown[]) => {
    const rows: DataRow[] = [];
    for await (const row of connection.readRows(
      { collection: 'item', match: { field: 'owner_id', values }, fields: ['id'] },
      signal,
    ))
      rows.push(row);
    return rows;
  };

  it('reads every row once whether a few values find few rows or more than one fetch', async () => {
    expect((await read([2])).map((r) => r.id)).toEqual([ROWS + 1, ROWS + 2, ROWS + 3]);
    const many = await read([1]);
    expect(many).toHaveLength(ROWS);
    expect(new Set(many.map((r) => r.id)).size).toBe(ROWS);
    // Inside a transaction too, and the connection stays usable after stopping early.
    const inside = await connection.transaction(async (tx) => {
      let n = 0;
      for await (const row of tx.readRows(
        { collection: 'item', match: { field: 'owner_id', values: [1, 2] }, fields: ['id'] },
        signal,
      ))
        if (row !== undefined && ++n === 10) break;
      return tx.countRows({ collection: 'item', match: { field: 'owner_id', values: [2] } }, signal);
    }, signal);
    expect(inside).toBe(3);
  });

  it('sets a field to one value on every row and others row by row, in one statement', async () => {
    const updates = [ROWS + 1, ROWS + 2, ROWS + 3].map((id) => ({
      key: { id },
      set: { label: null, note: `masked-${id}` },
    }));
    expect(await connection.updateRows('item', updates, signal)).toBe(3);
    // A key that is gone is not counted.
    expect(
      await connection.updateRows('item', [{ key: { id: 999_999 }, set: { label: 'x', note: 'y' } }], signal),
    ).toBe(0);
    const { rows } = await admin.query('SELECT id, label, note FROM item WHERE owner_id = 2 ORDER BY id');
    expect(rows).toEqual(updates.map((u) => ({ id: u.key.id, label: null, note: u.set.note })));
    // A value too long for its column still fails, bound once or per row.
    await expect(
      connection.updateRows('item', [{ key: { id: 1 }, set: { note: 'x'.repeat(21) } }], signal),
    ).rejects.toThrow(/too long/);
  });

  it('reads the same schema as the introspector, under a version that only schema changes change', async () => {
    const reader = await openDataConnection(database.url, { readOnly: true }, signal);
    const introspector = await openIntrospector(database.url, signal);
    try {
      expect(await reader.readSchema?.(signal)).toEqual(await introspector.readSchema(signal));
      const versions = new Set<string>();
      const version = async () => {
        const v = await reader.schemaVersion?.(signal);
        expect(v).toBeTypeOf('string');
        return v ?? '';
      };
      versions.add(await version());
      await admin.query(`INSERT INTO owner VALUES (3, 'cy'); UPDATE item SET label = 'z' WHERE id = 1`);
      expect(versions.has(await version())).toBe(true);
      for (const ddl of [
        'ALTER TABLE item ADD COLUMN extra text',
        'ALTER TABLE owner ALTER COLUMN name DROP NOT NULL',
        'ALTER TABLE item ADD CONSTRAINT item_owner FOREIGN KEY (owner_id) REFERENCES owner (id)',
        'CREATE UNIQUE INDEX item_note ON item (note)',
        'ALTER TABLE item ALTER COLUMN extra SET DEFAULT 0',
        'ALTER TABLE item DROP CONSTRAINT item_owner',
        'ALTER TABLE item RENAME COLUMN extra TO more',
        'DROP INDEX item_note',
        'ALTER TABLE owner ALTER COLUMN name TYPE varchar(50)',
      ]) {
        await admin.query(ddl);
        const next = await version();
        expect(versions.has(next), ddl).toBe(false);
        versions.add(next);
      }
      // A table created and dropped again leaves the schema, and its version, as they were.
      const before = await version();
      await admin.query('CREATE TABLE other (id integer)');
      expect(await version()).not.toBe(before);
      await admin.query('DROP TABLE other');
      expect(await version()).toBe(before);
    } finally {
      await introspector.close();
      await reader.close();
    }
  });
});
