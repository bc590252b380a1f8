import { tmpdir } from 'node:os';
import { createEntryNamer } from './entry-namer.ts';
import type { CollectionRows, PackageEntry, PackageInput, PackagedCollection } from './package-input.ts';
import type { JsonValue } from './to-json-value.ts';
import { writeCollectionFiles } from './write-collection-files.ts';
import type { ZipWriter } from './zip-writer.ts';

async function drain(rows: AsyncIterable<unknown>, signal: AbortSignal): Promise<void> {
  const iterator = rows[Symbol.asyncIterator]();
  let done = false;
  try {
    while (!done) {
      signal.throwIfAborted();
      done = (await iterator.next()).done === true;
    }
  } finally {
    // Stopped early (abort): let the source close its cursor, as `for await` would.
    if (!done) await iterator.return?.();
  }
}

/** How a package writes one collection: its CSV's leading columns and what of each row it keeps. */
export interface CollectionPlan {
  readonly declaredFields: readonly string[];
  readonly project?: (row: Record<string, JsonValue>) => Record<string, JsonValue> | undefined;
}

/**
 * Writes every collection of the input into the ZIP, one after the other. A collection the plan leaves out
 * (undefined) is still read to its end and dropped: the engine may follow references from rows it streams,
 * so a package never stops reading early except on abort or error.
 */
export async function writeCollections(
  zip: ZipWriter,
  input: PackageInput,
  plan: (source: CollectionRows) => CollectionPlan | undefined,
  signal: AbortSignal,
): Promise<{ collections: PackagedCollection[]; entries: PackageEntry[] }> {
  const nameOf = createEntryNamer();
  const collections: PackagedCollection[] = [];
  const entries: PackageEntry[] = [];
  for await (const source of input.collections) {
    signal.throwIfAborted();
    const chosen = plan(source);
    if (chosen === undefined) {
      await drain(source.rows, signal);
      continue;
    }
    const written = await writeCollectionFiles(source, {
      zip,
      base: nameOf(source.dataset, source.collection),
      declaredFields: chosen.declaredFields,
      ...(chosen.project === undefined ? {} : { project: chosen.project }),
      tempDir: input.tempDir ?? tmpdir(),
      signal,
    });
    collections.push(written.collection);
    entries.push(...written.entries);
  }
  return { collections, entries };
}
