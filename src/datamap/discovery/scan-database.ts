import { connectionErrorMessage } from '../../connectors/connection-error-message.ts';
import { redactConnectionUrl } from '../../connectors/connection-url.ts';
import type { Introspector } from '../../connectors/introspection.ts';
import type { Clock } from '../../domain/clock.ts';
import { isPrivetError, PrivetError } from '../../domain/errors.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { buildDiscoveredDataset } from './build-discovered-dataset.ts';
import { classifySchema } from './classify-schema.ts';
import { typeFamily } from './column-type-family.ts';
import { summariseScan, type ScanSummary } from './scan-summary.ts';

/** What a scan needs from outside: a way to reach the database and the time (for ages in dates of birth). */
export interface ScanDeps {
  readonly openIntrospector: (url: string, signal: AbortSignal) => Promise<Introspector>;
  readonly clock: Clock;
}

/** What to scan. */
export interface ScanInput {
  readonly url: string;
  /** Values sampled per column (default 20). */
  readonly sampleSize?: number;
}

/** The proposed dataset and its summary. */
export interface ScanResult {
  readonly dataset: FidesDataset;
  readonly summary: ScanSummary;
}

// Large objects are not worth the transfer: their names decide.
const UNSAMPLED = new Set(['binary', 'json', 'boolean']);

/**
 * Reads a live database's schema and a small sample of each column, and proposes a Fides dataset: categories
 * with confidence and reason, identities, keys, references and data subjects. Never writes to the database.
 * Failures become a PrivetError whose message names the URL without its password.
 */
export async function scanDatabase(
  deps: ScanDeps,
  input: ScanInput,
  signal: AbortSignal,
): Promise<ScanResult> {
  const sampleSize = input.sampleSize ?? 20;
  let introspector: Introspector | undefined;
  try {
    introspector = await deps.openIntrospector(input.url, signal);
    const schema = await introspector.readSchema(signal);
    const samples = new Map<string, readonly string[]>();
    for (const table of schema.tables)
      for (const column of table.columns)
        if (!UNSAMPLED.has(typeFamily(column.type)))
          samples.set(
            JSON.stringify([table.name, column.name]),
            await introspector.sampleValues(table.name, column.name, sampleSize, signal),
          );
    const tables = classifySchema(
      schema,
      (t, c) => samples.get(JSON.stringify([t, c])) ?? [],
      deps.clock.now(),
    );
    const dataset = buildDiscoveredDataset(schema, tables);
    return { dataset, summary: summariseScan(dataset) };
  } catch (error) {
    // An abort ends connections mid-query; the reason, not the driver's complaint, is what happened.
    if (signal.aborted) throw signal.reason;
    if (isPrivetError(error)) throw error;
    const message = `Cannot scan ${redactConnectionUrl(input.url)}: ${connectionErrorMessage(error, input.url)}`;
    throw new PrivetError('unavailable', message);
  } finally {
    await introspector?.close();
  }
}
