import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';

/** An unzipped entry, for tests. */
export interface UnzippedEntry {
  readonly data: Buffer;
  /** The modification time stored in the entry. */
  readonly mtime: Date;
}

/**
 * Reads every entry of a ZIP file with yauzl (a strict, independent reader: it checks CRCs and sizes), by name
 * and in archive order. For tests.
 */
export async function readZip(path: string): Promise<Map<string, UnzippedEntry>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, strictFileNames: true });
  const entries = new Map<string, UnzippedEntry>();
  try {
    for await (const entry of zip.eachEntry()) {
      const data = await buffer(await zip.openReadStreamPromise(entry));
      entries.set(entry.fileName, { data, mtime: entry.getLastModDate() });
    }
  } finally {
    zip.close();
  }
  return entries;
}
