import type { Redis } from 'ioredis';
import type { ColumnInfo, SchemaInfo, TableInfo } from '../introspection.ts';
import { commandRedis } from './connect.ts';
import { keyPattern } from './key-pattern.ts';
import { scanKeys } from './scan-keys.ts';

/** How much of a keyspace discovery looks at. */
export interface RedisScanLimits {
  readonly maxKeys: number;
  readonly keysPerPattern: number;
}

const keyColumn: ColumnInfo = { name: 'key', type: 'key', nullable: false, unique: true, default: null };

function column(name: string, type: string): ColumnInfo {
  return { name, type, nullable: true, unique: false, default: null };
}

async function columnsOf(client: Redis, keys: readonly string[], signal: AbortSignal): Promise<ColumnInfo[]> {
  const first = keys[0];
  if (first === undefined) return [keyColumn];
  const type = await commandRedis(client, client.type(first), signal);
  if (type === 'hash') {
    const fields = new Set<string>();
    for (const key of keys)
      for (const f of await commandRedis(client, client.hkeys(key), signal)) fields.add(f);
    return [keyColumn, ...[...fields].sort().map((f) => column(f, 'hash field'))];
  }
  if (type === 'string') return [keyColumn, column('value', 'string')];
  if (type === 'list' || type === 'set' || type === 'zset')
    return [keyColumn, column('value', `${type} member`)];
  return [keyColumn];
}

/** Samples the keyspace and reports one table per key pattern: the key plus hash fields or a `value`. */
export async function readRedisSchema(
  client: Redis,
  db: number,
  limits: RedisScanLimits,
  signal: AbortSignal,
): Promise<SchemaInfo> {
  const groups = new Map<string, string[]>();
  for (const key of await scanKeys(client, '*', limits.maxKeys, signal)) {
    const pattern = keyPattern(key);
    const keys = groups.get(pattern) ?? [];
    if (keys.length < limits.keysPerPattern) keys.push(key);
    groups.set(pattern, keys);
  }
  const tables: TableInfo[] = [];
  for (const [name, keys] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    tables.push({
      name,
      columns: await columnsOf(client, keys, signal),
      primaryKey: ['key'],
      foreignKeys: [],
      indexes: [],
    });
  return { engine: 'redis', database: `db${db}`, tables };
}
