import type { RedisConnection } from '../connection-url.ts';
import type { Introspector } from '../introspection.ts';
import { connectRedis } from './connect.ts';
import { readRedisSchema, type RedisScanLimits } from './read-schema.ts';
import { sampleRedisValues } from './sample-values.ts';

const defaultLimits: RedisScanLimits = { maxKeys: 2_000, keysPerPattern: 5 };

/** Connects and returns the Redis introspector: key patterns as tables, sampled with SCAN. */
export async function openRedisIntrospector(
  target: RedisConnection,
  signal: AbortSignal,
  limits: RedisScanLimits = defaultLimits,
): Promise<Introspector> {
  const client = await connectRedis(target, signal);
  return {
    engine: 'redis',
    readSchema: (s) => readRedisSchema(client, target.db, limits, s),
    sampleValues: (pattern, column, n, s) => sampleRedisValues(client, pattern, column, n, s),
    close: async () => client.disconnect(),
  };
}
