import type { Redis } from 'ioredis';
import type { SampleValue } from '../introspection.ts';
import { commandRedis } from './connect.ts';
import { scanKeys } from './scan-keys.ts';

async function valueOf(
  client: Redis,
  key: string,
  column: string,
  signal: AbortSignal,
): Promise<string | null> {
  const type = await commandRedis(client, client.type(key), signal);
  if (type === 'hash') return commandRedis(client, client.hget(key, column), signal);
  if (column !== 'value') return null;
  if (type === 'string') return commandRedis(client, client.get(key), signal);
  if (type === 'list') return commandRedis(client, client.lindex(key, 0), signal);
  if (type === 'set') return commandRedis(client, client.srandmember(key), signal);
  if (type === 'zset') return (await commandRedis(client, client.zrange(key, 0, 0), signal))[0] ?? null;
  return null;
}

/** Up to `n` values of a key pattern's column: the keys themselves, a hash field, or the `value`. */
export async function sampleRedisValues(
  client: Redis,
  pattern: string,
  column: string,
  n: number,
  signal: AbortSignal,
): Promise<readonly SampleValue[]> {
  const keys = await scanKeys(client, pattern, n, signal);
  if (column === 'key') return keys;
  const values: string[] = [];
  for (const key of keys) {
    const value = await valueOf(client, key, column, signal);
    if (value !== null) values.push(value);
  }
  return values;
}
