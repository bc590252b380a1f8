import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresSample } from '../../../test/support/load-sample-database.ts';
import { postgresFeatureSchema } from '../../../test/support/postgres-feature-schema.ts';
import type { TestDatabase } from '../../../test/support/test-stores.ts';
import type { SchemaInfo, TableInfo } from '../introspection.ts';
import { openIntrospector } from '../open-introspector.ts';

const signal = new AbortController().signal;

async function read(url: string): Promise<SchemaInfo> {
  const introspector = await openIntrospector(url, signal);
  try {
    return await introspector.readSchema(signal);
  } finally {
    await introspector.close();
  }
}

describe('PostgreSQL catalog reading', () => {
  let database: TestDatabase;
  let schema: SchemaInfo;
  const table = (name: string): TableInfo => {
    const found = schema.tables.find((t) => t.name === name);
    if (found === undefined) throw new Error(`no table ${name}`);
    return found;
  };

  beforeAll(async () => {
    database = await loadPostgresSample(postgresFeatureSchema);
    schema = await read(database.url);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('reports a partitioned table and an inheritance parent once, without their children', () => {
    expect(schema.schema).toBe('public');
    expect(schema.tables.map((t) => t.name)).toEqual([
      'account',
      'contact_base',
      'event',
      'player',
      'team',
      'ticket',
    ]);
    expect(table('event').primaryKey).toEqual(['id', 'at']);
    expect(table('event').columns.map((c) => c.name)).toEqual(['id', 'account_id', 'at', 'ip_address']);
  });

  it('finds a foreign key declared only on partitions, once, on the partitioned table', () => {
    expect(table('event').foreignKeys).toEqual([
      {
        name: 'event_2024_account',
        columns: ['account_id'],
        referencedTable: 'account',
        referencedColumns: ['id'],
      },
    ]);
  });

  it('points a key at a partitioned table to the table, not its partitions', () => {
    expect(table('ticket').foreignKeys).toEqual([
      {
        name: 'ticket_event',
        columns: ['event_id', 'event_at'],
        referencedTable: 'event',
        referencedColumns: ['id', 'at'],
      },
    ]);
  });

  it('reports the keys of inheritance children on their parent, with the parent’s columns', () => {
    expect(table('contact_base').columns.map((c) => c.name)).toEqual(['id', 'phone', 'account_id']);
    expect(table('contact_base').foreignKeys).toEqual([
      {
        name: 'contact_2024_account',
        columns: ['account_id'],
        referencedTable: 'account',
        referencedColumns: ['id'],
      },
      { name: 'contact_2025_id', columns: ['id'], referencedTable: 'account', referencedColumns: ['id'] },
    ]);
  });

  it('reports self-references and cycles', () => {
    expect(table('account').foreignKeys.map((fk) => [fk.columns, fk.referencedTable])).toEqual([
      [['referred_by'], 'account'],
    ]);
    expect(table('team').foreignKeys.map((fk) => fk.referencedTable)).toEqual(['player']);
    expect(table('player').foreignKeys.map((fk) => fk.referencedTable)).toEqual(['team']);
  });

  it('reads another schema given by ?schema=, with keys into public marked by namespace', async () => {
    const crm = await read(`${database.url}?schema=crm`);
    expect(crm.schema).toBe('crm');
    expect(crm.tables.map((t) => t.name)).toEqual(['lead']);
    expect(crm.tables[0]?.foreignKeys).toEqual([
      expect.objectContaining({
        referencedTable: 'account',
        referencedNamespace: 'public',
        referencedColumns: ['id'],
      }),
    ]);
  });

  it('samples across all partitions of a partitioned table', async () => {
    const introspector = await openIntrospector(database.url, signal);
    try {
      const values = await introspector.sampleValues('event', 'ip_address', 10, signal);
      expect([...values].sort()).toEqual(['192.0.2.1', '198.51.100.7', '2001:db8::1']);
    } finally {
      await introspector.close();
    }
  });
});
