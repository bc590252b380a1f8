import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionUrl, type RedisConnection } from '../connection-url.ts';
import type { SchemaInfo } from '../introspection.ts';
import { openIntrospector } from '../open-introspector.ts';
import { pingRedis } from './ping.ts';

// A database number of its own and a unique prefix, so that parallel tests do not see each other's keys.
const URL = 'redis://127.0.0.1:6379/11';
const prefix = `privet-${randomBytes(4).toString('hex')}`;
const signal = new AbortController().signal;

describe('Redis connector', () => {
  const client = new Redis({ host: '127.0.0.1', port: 6379, db: 11, lazyConnect: true });
  let schema: SchemaInfo;

  beforeAll(async () => {
    await client.connect();
    await client.hset(`${prefix}:customer:1`, { email: 'ada@example.com', name: 'Ada' });
    await client.hset(`${prefix}:customer:2`, {
      email: 'bob@example.com',
      name: 'Bob',
      phone: '+44 20 7946 0958',
    });
    await client.set(`${prefix}:session:3f2a9c1e-7b4d-4e2a-9f1c-0a1b2c3d4e5f`, 'ada@example.com');
    await client.rpush(`${prefix}:recent:7`, '198.51.100.7', '192.0.2.1');
    const introspector = await openIntrospector(URL, signal);
    try {
      schema = await introspector.readSchema(signal);
    } finally {
      await introspector.close();
    }
  });
  afterAll(async () => {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  });

  it('answers ping with its version', async () => {
    const info = await pingRedis(parseConnectionUrl(URL) as RedisConnection, signal);
    expect(info).toEqual({ engine: 'redis', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('reports key patterns as tables: the key, hash fields or a value', () => {
    expect(schema.database).toBe('db11');
    const mine = schema.tables.filter((t) => t.name.startsWith(prefix));
    expect(mine.map((t) => t.name)).toEqual([
      `${prefix}:customer:*`,
      `${prefix}:recent:*`,
      `${prefix}:session:*`,
    ]);
    const [customer, recent, session] = mine;
    expect(customer?.columns.map((c) => c.name)).toEqual(['key', 'email', 'name', 'phone']);
    expect(customer?.primaryKey).toEqual(['key']);
    expect(recent?.columns.map((c) => [c.name, c.type])).toEqual([
      ['key', 'key'],
      ['value', 'list member'],
    ]);
    expect(session?.columns.map((c) => c.name)).toEqual(['key', 'value']);
  });

  it('samples keys, hash fields and values of a pattern', async () => {
    const introspector = await openIntrospector(URL, signal);
    try {
      const emails = await introspector.sampleValues(`${prefix}:customer:*`, 'email', 10, signal);
      expect([...emails].sort()).toEqual(['ada@example.com', 'bob@example.com']);
      expect(await introspector.sampleValues(`${prefix}:customer:*`, 'phone', 10, signal)).toEqual([
        '+44 20 7946 0958',
      ]);
      expect(await introspector.sampleValues(`${prefix}:customer:*`, 'key', 1, signal)).toHaveLength(1);
      expect(await introspector.sampleValues(`${prefix}:session:*`, 'value', 5, signal)).toEqual([
        'ada@example.com',
      ]);
      expect(await introspector.sampleValues(`${prefix}:recent:*`, 'value', 5, signal)).toEqual([
        '198.51.100.7',
      ]);
    } finally {
      await introspector.close();
    }
  });
});
