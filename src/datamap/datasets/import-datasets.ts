import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import type { Database } from '../../store/schema.ts';
import { checkDatasetGraph } from '../dataset-graph/check-dataset-graph.ts';
import { issuesOf, type DatasetIssue } from '../dataset-graph/dataset-issue.ts';
import type { GraphIssue } from '../dataset-graph/graph-issue.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { parseFidesYaml, type ParsedFidesYaml } from '../fides-yaml/parse-fides-yaml.ts';
import type { DatasetDeps } from './dataset-deps.ts';
import { datasetRowValues } from './dataset-row.ts';
import { datasetValidationError } from './dataset-validation-error.ts';
import { loadDatasets } from './load-datasets.ts';
import { traceGraphIssue } from './trace-graph-issue.ts';

/** One YAML file to import: its name (for messages) and its text. */
export interface DatasetFile {
  readonly name: string;
  readonly text: string;
}

/** What an import stored, and the warnings it found but did not refuse. */
export interface ImportResult {
  /** The `fides_key` of every dataset written, in file order. */
  readonly imported: string[];
  readonly warnings: DatasetIssue[];
}

// One import at a time: each one checks the whole map it is about to write.
const DATAMAP_LOCK = 'privet:datamap';

/**
 * Imports Fides dataset YAML files all or nothing: every file is parsed and the resulting map (stored datasets
 * with these upserted by `fides_key`) is graph-checked before anything is written, in one transaction. Any
 * error throws `validation_failed` listing `file:line: message` and leaves the store unchanged.
 */
export async function importDatasets(
  deps: DatasetDeps,
  files: readonly DatasetFile[],
  actor: string,
  signal?: AbortSignal,
  /** Join the caller's transaction (a seed step) instead of opening one. */
  outer?: Kysely<Database>,
): Promise<ImportResult> {
  signal?.throwIfAborted();
  const parsed = files.map((file) => parseFidesYaml(file.text, file.name));
  const parseIssues = parsed.flatMap((file) => file.issues);
  const incoming = parsed.flatMap((file) => file.datasets.map((dataset) => ({ file: file.file, dataset })));
  const errors = [...issuesOf(parseIssues, 'error'), ...duplicateKeys(parsed)];
  if (errors.length > 0) throw datasetValidationError(errors);

  const run = async (trx: Kysely<Database>): Promise<ImportResult> => {
    if (deps.store.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(${DATAMAP_LOCK}))`.execute(trx);
    }
    const stored = await loadDatasets(deps.store, signal, trx);
    const keys = new Set(incoming.map(({ dataset }) => dataset.fides_key));
    const before = new Set(checkDatasetGraph(stored).map(issueKey));
    const after = checkDatasetGraph([
      ...stored.filter((d) => !keys.has(d.fides_key)),
      ...incoming.map((i) => i.dataset),
    ]);
    // A finding counts against this import when it is in an imported dataset or is new in a stored one
    // (an upsert removed a field that a stored dataset references); old findings elsewhere do not block.
    const ours = after.filter((issue) => keys.has(issue.dataset) || !before.has(issueKey(issue)));
    const traced = ours.map((issue) => traceGraphIssue(issue, parsed));
    const graphErrors = issuesOf(traced, 'error');
    if (graphErrors.length > 0) throw datasetValidationError(graphErrors);

    const storedKeys = new Set(stored.map((d) => d.fides_key));
    for (const { file, dataset } of incoming) {
      signal?.throwIfAborted();
      await upsertDataset(deps, trx, dataset, storedKeys.has(dataset.fides_key));
      await appendAudit(
        deps,
        {
          actor,
          action: 'datamap.dataset.import',
          target: `dataset:${dataset.fides_key}`,
          details: {
            file,
            collections: dataset.collections.length,
            replaced: storedKeys.has(dataset.fides_key),
          },
        },
        trx,
      );
    }
    return {
      imported: incoming.map(({ dataset }) => dataset.fides_key),
      warnings: [...issuesOf(parseIssues, 'warning'), ...issuesOf(traced, 'warning')],
    };
  };
  return outer === undefined ? deps.store.transaction(run) : run(outer);
}

async function upsertDataset(
  deps: DatasetDeps,
  trx: Kysely<Database>,
  dataset: FidesDataset,
  exists: boolean,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const values = datasetRowValues(dataset);
  // An update keeps created_at, which belongs to the row, not to the YAML. Systems name their datasets
  // (systems.dataset_keys), so an import never touches that link.
  if (exists) {
    await trx
      .updateTable('datasets')
      .set({ ...values, updated_at: now })
      .where('fides_key', '=', dataset.fides_key)
      .execute();
  } else {
    await trx
      .insertInto('datasets')
      .values({ ...values, fides_key: dataset.fides_key, created_at: now, updated_at: now })
      .execute();
  }
}

function duplicateKeys(parsed: readonly ParsedFidesYaml[]): DatasetIssue[] {
  const first = new Map<string, string>();
  const issues: DatasetIssue[] = [];
  for (const file of parsed) {
    for (const dataset of file.datasets) {
      const earlier = first.get(dataset.fides_key);
      const location = file.locate(dataset.fides_key, '');
      const where = location?.where ?? file.file;
      if (earlier === undefined) first.set(dataset.fides_key, where);
      else {
        issues.push({
          code: 'duplicate_dataset',
          severity: 'error',
          path: `${where}:${location?.path ?? ''}`,
          where,
          message: `dataset "${dataset.fides_key}" is also defined at ${earlier}; import only one of them`,
        });
      }
    }
  }
  return issues;
}

function issueKey(issue: GraphIssue): string {
  return `${issue.code}|${issue.path}|${issue.message}`;
}
