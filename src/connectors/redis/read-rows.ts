import type { Redis } from 'ioredis';
import { chunked } from '../chunked.ts';
import type { DataRow, RowQuery } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { transformValue } from '../transform-value.ts';
import { commandRedis } from './connect.ts';
import { keyTemplate, type KeyTemplate } from './key-template.ts';

const BATCH = 200;

type Reply = [error: Error | null, result: unknown][] | null;

function results(reply: Reply): unknown[] {
  return (reply ?? []).map(([error, result]) => {
    if (error !== null) throw error;
    return result;
  });
}

/** The rows of these keys: `key`, the template's fields and the hash fields (or `value`); missing keys skipped. */
export async function fetchRedisRows(
  client: Redis,
  template: KeyTemplate,
  keys: readonly string[],
  signal: AbortSignal,
): Promise<DataRow[]> {
  const types = results(
    await commandRedis(client, keys.reduce((p, k) => p.type(k), client.pipeline()).exec(), signal),
  );
  const pipeline = client.pipeline();
  keys.forEach((key, i) => {
    const type = types[i];
    if (type === 'hash') pipeline.hgetall(key);
    else if (type === 'string') pipeline.get(key);
    else if (type === 'list') pipeline.lrange(key, 0, -1);
    else if (type === 'set') pipeline.smembers(key);
    else if (type === 'zset') pipeline.zrange(key, 0, -1);
    else pipeline.exists(key);
  });
  const values = results(await commandRedis(client, pipeline.exec(), signal));
  const rows: DataRow[] = [];
  keys.forEach((key, i) => {
    const type = types[i];
    const parts = template.parse(key);
    if (type === 'none' || parts === undefined) return;
    const content = type === 'hash' ? (values[i] as Record<string, string>) : { value: values[i] };
    rows.push({ key, ...parts, ...content });
  });
  return rows;
}

function matches(row: DataRow, query: RowQuery, wanted: ReadonlySet<string>): boolean {
  const transform = query.match.transform ?? 'none';
  const value = row[query.match.field];
  const candidates = Array.isArray(value) ? (value as unknown[]) : [value];
  return candidates.some((v) => {
    const compared = transformValue(transform, v);
    return compared !== null && wanted.has(compared);
  });
}

function project(row: DataRow, fields: readonly string[] | undefined): DataRow {
  if (fields === undefined || fields.length === 0) return row;
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
}

// Keys that can be named directly: by `key`, or by the template's only placeholder compared as written.
function directKeys(template: KeyTemplate, query: RowQuery): string[] | undefined {
  const { field, transform = 'none' } = query.match;
  const values = distinctValues(query.match.values).map((v) => String(v as string | number));
  if (field === 'key') return values.filter((k) => template.parse(k) !== undefined);
  if (
    template.fields.length === 1 &&
    template.fields[0] === field &&
    (transform === 'none' || transform === 'exact')
  )
    return values.flatMap((v) => template.format({ [field]: v }) ?? []);
  return undefined;
}

/** Streams the rows of a key template that match: direct reads where the key is known, else SCAN and filter. */
export async function* readRedisRows(
  client: Redis,
  query: RowQuery,
  signal: AbortSignal,
): AsyncGenerator<DataRow> {
  const template = keyTemplate(query.collection);
  const direct = directKeys(template, query);
  if (direct !== undefined) {
    for (const keys of chunked(direct, BATCH))
      for (const row of await fetchRedisRows(client, template, keys, signal))
        yield project(row, query.fields);
    return;
  }
  const wanted = new Set(
    query.match.values.flatMap((v) => transformValue(query.match.transform ?? 'none', v) ?? []),
  );
  if (wanted.size === 0) return;
  let cursor = '0';
  do {
    const [next, keys] = await commandRedis(
      client,
      client.scan(cursor, 'MATCH', template.glob, 'COUNT', BATCH),
      signal,
    );
    cursor = next;
    for (const row of await fetchRedisRows(client, template, keys, signal))
      if (matches(row, query, wanted)) yield project(row, query.fields);
  } while (cursor !== '0');
}
