// A data map over Redis: hashes and strings under key templates, found by email and by reference.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import type { TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';

const URL = 'redis://127.0.0.1:6379/14';
const p = `privet-req-${randomBytes(4).toString('hex')}`;
const signal = new AbortController().signal;

const dataset: FidesDataset = {
  fides_key: 'cache',
  collections: [
    {
      name: `${p}:customer:{id}`,
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        { name: 'name', data_categories: ['user.name'] },
      ],
    },
    {
      name: 'cart',
      'x-privet': { key_pattern: `${p}:cart:{customer_id}` } as unknown as NonNullable<
        FidesDataset['collections'][0]['x-privet']
      >,
      fields: [
        {
          name: 'customer_id',
          fides_meta: {
            references: [{ dataset: 'cache', field: `${p}:customer:{id}.id`, direction: 'from' }],
          },
        },
        { name: 'note', data_categories: ['user.content'] },
        { name: 'items' },
      ],
    },
    {
      name: `${p}:session:*`,
      fields: [{ name: 'value', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } }],
    },
  ],
};

describe('requests on Redis', () => {
  const client = new Redis({ host: '127.0.0.1', port: 6379, db: 14, lazyConnect: true });
  let store: TestStore;
  let deps: RequestEngineDeps;
  const run = (type: 'access' | 'erasure') =>
    runRequest(
      deps,
      { type, bindings: [{ dataset, url: URL }], identities: [{ type: 'email', value: 'ada@example.com' }] },
      signal,
    );

  beforeAll(async () => {
    await client.connect();
    await client.hset(`${p}:customer:1`, { email: ' Ada@Example.com', name: 'Ada' });
    await client.hset(`${p}:customer:2`, { email: 'bob@example.com', name: 'Bob' });
    await client.hset(`${p}:cart:1`, { items: '3', note: 'gift for mum' });
    await client.hset(`${p}:cart:2`, { items: '1', note: 'for me' });
    await client.set(`${p}:session:f00d`, 'ada@example.com');
    await client.set(`${p}:session:beef`, 'bob@example.com');
    ({ deps, store } = await openEngineDeps());
  });
  afterAll(async () => {
    const keys = await client.keys(`${p}:*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
    await store?.cleanup();
  });

  it('finds the hash by email, the cart by reference and the session by its value', async () => {
    const rows: Record<string, unknown[]> = {};
    const result = await runRequest(
      deps,
      {
        type: 'access',
        bindings: [{ dataset, url: URL }],
        identities: [{ type: 'email', value: 'ada@example.com' }],
        consume: async (collections) => {
          for await (const c of collections)
            for await (const row of c.rows) (rows[c.collection] ??= []).push(row);
        },
      },
      signal,
    );
    expect(result.status).toBe('completed');
    expect(rows[`${p}:customer:{id}`]).toEqual([
      { key: `${p}:customer:1`, id: '1', email: ' Ada@Example.com', name: 'Ada' },
    ]);
    expect(rows.cart).toEqual([{ key: `${p}:cart:1`, customer_id: '1', items: '3', note: 'gift for mum' }]);
    expect(rows[`${p}:session:*`]).toEqual([{ key: `${p}:session:f00d`, value: 'ada@example.com' }]);
  });

  it('erases the personal hash fields and the session, and nothing of Bob', async () => {
    const result = await run('erasure');
    expect(result.status).toBe('completed');
    expect(await client.hgetall(`${p}:customer:1`)).toEqual({});
    expect(await client.hgetall(`${p}:cart:1`)).toEqual({ items: '3' });
    expect(await client.exists(`${p}:session:f00d`)).toBe(0);
    expect(await client.hgetall(`${p}:customer:2`)).toEqual({ email: 'bob@example.com', name: 'Bob' });
    expect(await client.hgetall(`${p}:cart:2`)).toEqual({ items: '1', note: 'for me' });
    expect(await client.get(`${p}:session:beef`)).toBe('bob@example.com');
  });
});
