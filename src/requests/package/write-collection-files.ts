import type { CollectionRows, PackageEntry, PackagedCollection } from './package-input.ts';
import { createRowSpool } from './row-spool.ts';
import { csvCell, csvRecord } from './csv-record.ts';
import { toJsonValue, type JsonValue } from './to-json-value.ts';
import type { ZipWriter } from './zip-writer.ts';
import { UTF8_BOM } from '../../datamap/ropa/to-csv.ts';

type JsonRow = Record<string, JsonValue>;

/** How one collection is written. */
export interface CollectionFileOptions {
  readonly zip: ZipWriter;
  /** The entry name without extension, from `createEntryNamer`. */
  readonly base: string;
  /** The collection's top-level fields in data-map order: the CSV's first columns. */
  readonly declaredFields: readonly string[];
  /** Keeps the part of a row that may be written, or drops the row (undefined); everything when absent. */
  readonly project?: (row: JsonRow) => JsonRow | undefined;
  readonly tempDir: string;
  readonly signal: AbortSignal;
}

// Rows are handed on in batches of about this many characters: small enough to keep memory flat, large
// enough that 200,000 rows are not 200,000 trips through the compressor.
const BATCH_CHARS = 64 * 1024;

function asRow(value: JsonValue): JsonRow {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
}

// Data-map fields first (the order people know from the schema), then any other key in the order first seen.
function columnsOf(declared: readonly string[], seen: ReadonlySet<string>, rows: number): string[] {
  const known = rows === 0 ? [...declared] : declared.filter((name) => seen.has(name));
  const declaredSet = new Set(declared);
  return [...known, ...[...seen].filter((name) => !declaredSet.has(name))];
}

async function* csvText(
  lineBatches: AsyncIterable<readonly string[]>,
  columns: readonly string[],
): AsyncIterable<string> {
  let batch = UTF8_BOM + csvRecord(columns);
  for await (const lines of lineBatches) {
    for (const line of lines) {
      const row = JSON.parse(line) as JsonRow;
      batch += csvRecord(columns.map((name) => csvCell(row[name])));
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
  }
  yield batch;
}

/**
 * Streams one collection into the ZIP as `<base>.json` (an array, one row per line) and `<base>.csv`, reading
 * its rows once. The rows go to the JSON entry and, at the same time, to a spool file on disk; the CSV is
 * written from the spool afterwards, when every column is known, so rows with differing keys need no
 * buffering in memory. The spool is deleted whatever happens.
 */
export async function writeCollectionFiles(
  source: CollectionRows,
  options: CollectionFileOptions,
): Promise<{ readonly collection: PackagedCollection; readonly entries: readonly PackageEntry[] }> {
  const { zip, base, signal } = options;
  const spool = await createRowSpool(options.tempDir, signal);
  try {
    let rows = 0;
    const seen = new Set<string>();
    const filled = new Set<string>();
    async function* jsonText(): AsyncIterable<string> {
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        await spool.write(`${batch.join('\n')}\n`);
        const text = `${rows === batch.length ? '[\n' : ',\n'}${batch.join(',\n')}`;
        batch = [];
        size = 0;
        return text;
      };
      for await (const raw of source.rows) {
        signal.throwIfAborted();
        const row = options.project ? options.project(asRow(toJsonValue(raw))) : asRow(toJsonValue(raw));
        if (row === undefined) continue;
        for (const key of Object.keys(row)) {
          seen.add(key);
          const value = row[key];
          if (value !== null && value !== '') filled.add(key);
        }
        const text = JSON.stringify(row);
        batch.push(text);
        size += text.length;
        rows++;
        if (size >= BATCH_CHARS) yield await flush();
      }
      if (batch.length > 0) yield await flush();
      yield rows === 0 ? '[]\n' : '\n]\n';
    }
    const json = await zip.add(`${base}.json`, jsonText());
    await spool.close();
    const columns = columnsOf(options.declaredFields, seen, rows);
    const csv = await zip.add(`${base}.csv`, csvText(spool.lineBatches(), columns));
    return {
      collection: {
        dataset: source.dataset,
        collection: source.collection,
        rows,
        jsonEntry: json.path,
        csvEntry: csv.path,
        columns,
        filledFields: [...filled],
      },
      entries: [json, csv],
    };
  } finally {
    await spool.remove();
  }
}
