import { connectionErrorMessage } from '../../connectors/connection-error-message.ts';
import type { SchemaInfo } from '../../connectors/introspection.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import type { Store } from '../../store/store.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { graphIssue, type GraphIssue } from '../dataset-graph/graph-issue.ts';

/** The live schemas of the datasets that have a connection, and a warning for each that could not be read. */
export interface LiveSchemas {
  /** By dataset `fides_key`. */
  readonly schemas: ReadonlyMap<string, SchemaInfo>;
  readonly issues: readonly GraphIssue[];
}

/**
 * Reads the schema behind every dataset that has a stored connection, one connection at a time. A connection
 * that fails is reported as a `schema_unavailable` warning (its password removed), not as an error: the rest
 * of the check still holds.
 */
export async function readLiveSchemas(
  deps: { readonly store: Store; readonly box: SecretBox },
  signal: AbortSignal,
  /** Only these datasets (the stored ones); a connection whose dataset is not stored is not read. */
  only: ReadonlySet<string>,
): Promise<LiveSchemas> {
  const rows = await deps.store.db
    .selectFrom('connections')
    .select(['name', 'url_sealed', 'dataset_key'])
    .where('dataset_key', 'is not', null)
    .orderBy('name')
    .execute();
  const schemas = new Map<string, SchemaInfo>();
  const issues: GraphIssue[] = [];
  for (const row of rows) {
    const dataset = row.dataset_key ?? '';
    if (!only.has(dataset) || schemas.has(dataset)) continue;
    const url = deps.box.open(row.url_sealed);
    try {
      const introspector = await openIntrospector(url, signal);
      try {
        schemas.set(dataset, await introspector.readSchema(signal));
      } finally {
        await introspector.close();
      }
    } catch (error) {
      const reason = connectionErrorMessage(error, url);
      const message = `connection "${row.name}" could not be read, so its indexes were not checked: ${reason}`;
      issues.push(graphIssue('warning', 'schema_unavailable', { dataset, pointer: '' }, message));
    }
  }
  return { schemas, issues };
}
