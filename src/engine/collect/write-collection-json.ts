import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionRows } from './collect-subject-rows.ts';

/** A file name for a collection: anything but letters, digits, `.`, `_` and `-` becomes `_`. */
export function collectionFileName(collection: string): string {
  return `${collection.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')}.json`;
}

// Bytes as base64 and bigints as digits: JSON has neither.
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer')
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  return value;
}

/**
 * Writes each collection's rows as a JSON array into `<dir>/<collection>.json`, streaming row by row. A
 * collection whose reading fails leaves no file (a half file would pass for the whole). The interim access
 * output until the package writer (src/requests/package) takes its place.
 */
export async function writeCollectionJson(
  dir: string,
  collections: AsyncIterable<CollectionRows>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for await (const { name, rows } of collections) {
    const path = join(dir, collectionFileName(name));
    const out = createWriteStream(path, { encoding: 'utf8' });
    const write = (text: string) =>
      out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
    try {
      await write('[');
      let first = true;
      for await (const row of rows) {
        await write(`${first ? '\n' : ',\n'}${JSON.stringify(row, replacer)}`);
        first = false;
      }
      await write(first ? ']\n' : '\n]\n');
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      written.push(path);
    } catch {
      out.destroy();
      await rm(path, { force: true });
    }
  }
  return written;
}
