import type { Redis } from 'ioredis';
import { commandRedis } from './connect.ts';

/** Walks SCAN with an optional MATCH glob until `limit` keys are seen or the keyspace ends. */
export async function scanKeys(
  client: Redis,
  match: string,
  limit: number,
  signal: AbortSignal,
): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await commandRedis(
      client,
      client.scan(cursor, 'MATCH', match, 'COUNT', 200),
      signal,
    );
    for (const key of batch) if (keys.size < limit) keys.add(key);
    cursor = next;
  } while (cursor !== '0' && keys.size < limit);
  return [...keys];
}
