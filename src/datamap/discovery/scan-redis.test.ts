import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { fixedClock } from '../../domain/clock.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { scanDatabase } from './scan-database.ts';

// A database number of its own and a unique prefix, so that parallel tests do not see each other's keys.
const prefix = `privet-${randomBytes(4).toString('hex')}`;
const deps = { openIntrospector, clock: fixedClock('2026-06-01T00:00:00Z') };

describe('scan of a Redis keyspace', () => {
  const client = new Redis({ host: '127.0.0.1', port: 6379, db: 12, lazyConnect: true });
  let dataset: FidesDataset;

  beforeAll(async () => {
    await client.connect();
    for (const [id, email] of [
      [1, 'ada@example.com'],
      [2, 'bob@example.org'],
      [3, 'eve@example.net'],
    ] as const)
      await client.hset(`${prefix}:customer:${id}`, { email, last_ip: `192.0.2.${id}`, plan: 'basic' });
    await client.set(`${prefix}:feature:dark-mode`, 'on');
    const result = await scanDatabase(
      deps,
      { url: 'redis://127.0.0.1:6379/12' },
      new AbortController().signal,
    );
    dataset = result.dataset;
  });
  afterAll(async () => {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  });

  it('proposes categories and an email identity for hash fields of a key pattern', () => {
    expect(dataset.fides_key).toBe('db12');
    const customer = dataset.collections.find((c) => c.name === `${prefix}:customer:*`);
    const byName = Object.fromEntries(customer?.fields.map((f) => [f.name, f]) ?? []);
    expect(byName.key?.fides_meta?.primary_key).toBe(true);
    expect(byName.email?.data_categories).toEqual(['user.contact.email']);
    expect(byName.email?.fides_meta?.identity).toBe('email');
    expect(byName.last_ip?.data_categories).toEqual(['user.device.ip_address']);
    expect(byName.plan?.data_categories).toEqual(['system.operations']);
    expect(customer?.['x-privet']).toEqual({ personal: true });
    const feature = dataset.collections.find((c) => c.name === `${prefix}:feature:dark-mode`);
    expect(feature?.['x-privet']).toEqual({ personal: false });
  });
});
