// Redis data mapping (see key-template.ts): a collection is a key template such as `customer:{id}` (or a glob
// such as `customer:*`); each key is one row with the field `key` (its primary key), the template's fields, and
// its hash fields, or `value` for a string (lists, sets and sorted sets read as an array `value` and cannot be
// updated). Reads by `key` or by the template's one field go straight to the keys; any other field is a SCAN
// of the glob, compared here. Redis has no rollback: `transaction` runs the work as it comes, and each update
// call is one MULTI.
import type { RedisConnection } from '../connection-url.ts';
import type { DataConnection, DataConnectionOptions, DataOperations } from '../data-connection.ts';
import { connectRedis } from './connect.ts';
import { readRedisRows } from './read-rows.ts';
import { deleteRedisRows, updateRedisRows } from './write-rows.ts';

/** Connects and returns the Redis data connection; `readOnly` refuses updates and deletes here. */
export async function openRedisDataConnection(
  target: RedisConnection,
  options: DataConnectionOptions,
  signal: AbortSignal,
): Promise<DataConnection> {
  const client = await connectRedis(target, signal);
  const refuse = () => Promise.reject(new Error('This Redis connection was opened read-only'));
  const operations: DataOperations = {
    readRows: (query, s) => readRedisRows(client, query, s),
    countRows: async (query, s) => {
      let n = 0;
      for await (const row of readRedisRows(client, { ...query, fields: ['key'] }, s))
        n += row === undefined ? 0 : 1;
      return n;
    },
    updateRows: (collection, updates, s) =>
      options.readOnly ? refuse() : updateRedisRows(client, collection, updates, s),
    deleteRows: (collection, keys, s) =>
      options.readOnly ? refuse() : deleteRedisRows(client, collection, keys, s),
  };
  return {
    engine: 'redis',
    transactional: false,
    ...operations,
    transaction: (work) => work(operations),
    close: async () => client.disconnect(),
  };
}
