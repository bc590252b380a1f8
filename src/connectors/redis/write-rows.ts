import type { Redis } from 'ioredis';
import type { DataRow, RowUpdate } from '../data-connection.ts';
import { chunked } from '../chunked.ts';
import { scalarText } from '../scalar-text.ts';
import { commandRedis } from './connect.ts';
import { keyTemplate, type KeyTemplate } from './key-template.ts';

const DELETE_BATCH = 1000;

function keyOf(template: KeyTemplate, key: DataRow): string {
  const direct = key.key;
  const name = typeof direct === 'string' ? direct : template.format(key);
  if (name === undefined || template.parse(name) === undefined)
    throw new Error(`A key of ${template.glob} names no key of the collection`);
  return name;
}

/**
 * Sets hash fields (null removes the field) or a string key's `value` (null deletes the key), all updates of
 * one call in one MULTI. The key and the template's fields are the row's identity and cannot be set.
 */
export async function updateRedisRows(
  client: Redis,
  collection: string,
  updates: readonly RowUpdate[],
  signal: AbortSignal,
): Promise<number> {
  const template = keyTemplate(collection);
  const keys = updates.map((u) => keyOf(template, u.key));
  const typeReply = await commandRedis(
    client,
    keys.reduce((p, k) => p.type(k), client.pipeline()).exec(),
    signal,
  );
  const multi = client.multi();
  let changed = 0;
  updates.forEach((update, i) => {
    const key = keys[i] ?? '';
    const type = typeReply?.[i]?.[1];
    if (type === 'none') return;
    const fields = Object.entries(update.set);
    for (const [field] of fields)
      if (field === 'key' || template.fields.includes(field))
        throw new Error(`${field} is part of the Redis key and cannot be changed`);
    if (type === 'hash') {
      const kept = fields.filter(([, v]) => v !== null && v !== undefined);
      const removed = fields.filter(([, v]) => v === null || v === undefined).map(([f]) => f);
      if (kept.length > 0) multi.hset(key, Object.fromEntries(kept.map(([f, v]) => [f, scalarText(v)])));
      if (removed.length > 0) multi.hdel(key, ...removed);
    } else if (type === 'string' && fields.length > 0) {
      const value = update.set.value;
      if (fields.some(([f]) => f !== 'value')) throw new Error('A string key has only the field "value"');
      if (value === null || value === undefined) multi.del(key);
      else multi.set(key, scalarText(value), 'KEEPTTL');
    } else throw new Error(`Cannot update fields of a Redis ${String(type)} key`);
    changed += 1;
  });
  if (changed > 0) await commandRedis(client, multi.exec(), signal);
  else multi.discard();
  return changed;
}

/** Deletes the keys of these rows: a pipeline of DELs of DELETE_BATCH keys each, one round trip. */
export async function deleteRedisRows(
  client: Redis,
  collection: string,
  keys: readonly DataRow[],
  signal: AbortSignal,
): Promise<number> {
  const template = keyTemplate(collection);
  if (keys.length === 0) return 0;
  const names = keys.map((k) => keyOf(template, k));
  const pipeline = client.pipeline();
  for (const slice of chunked(names, DELETE_BATCH)) pipeline.del(...slice);
  const replies = await commandRedis(client, pipeline.exec(), signal);
  let deleted = 0;
  for (const [error, count] of replies ?? []) {
    if (error) throw error;
    deleted += Number(count);
  }
  return deleted;
}
