// A partitioned PostgreSQL table (and an inheritance parent) is one collection: read and erased through its
// root, whichever partition holds the row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { loadPostgresSample } from '../support/load-sample-database.ts';
import { postgresFeatureSchema } from '../support/postgres-feature-schema.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const dataset: FidesDataset = {
  fides_key: 'features',
  collections: [
    {
      name: 'account',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
      ],
    },
    {
      name: 'event',
      fields: [
        {
          name: 'account_id',
          fides_meta: { references: [{ dataset: 'features', field: 'account.id', direction: 'from' }] },
        },
        { name: 'ip_address', data_categories: ['user.device.ip_address'] },
      ],
    },
  ],
};
const signal = new AbortController().signal;

describe('a partitioned table as one collection', () => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let sql: SqlClient;

  beforeAll(async () => {
    database = await loadPostgresSample(postgresFeatureSchema);
    ({ deps, store } = await openEngineDeps());
    sql = await openSqlClient(database.url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.cleanup();
    await database?.drop();
  });

  it('finds and masks the subject’s rows in every partition, and no one else’s', async () => {
    const input = {
      bindings: [{ dataset, url: database.url }],
      identities: [{ type: 'email', value: 'ada@example.com' }],
    };
    const access = await runRequest(deps, { ...input, type: 'access' }, signal);
    expect(access.plan.steps.find((s) => s.collection === 'event')?.primaryKey).toEqual(['id', 'at']);
    expect(access.collections.event?.rows).toBe(2);
    const erasure = await runRequest(deps, { ...input, type: 'erasure' }, signal);
    expect(erasure.collections.event).toMatchObject({ rows: 2, masked: 2 });
    expect(
      await sql.query('SELECT tableoid::regclass::text AS part, id, ip_address FROM event ORDER BY id'),
    ).toEqual([
      { part: 'event_2024', id: 1, ip_address: null },
      { part: expect.stringMatching(/^event_2025_[ab]$/), id: 2, ip_address: '2001:db8::1' },
      { part: expect.stringMatching(/^event_2025_[ab]$/), id: 3, ip_address: null },
    ]);
  });
});
