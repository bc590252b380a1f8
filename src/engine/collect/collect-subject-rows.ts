import type { DataRow } from '../../connectors/data-connection.ts';
import { valueKey } from '../../connectors/distinct-values.ts';
import type { DatasetConnections } from '../execution/dataset-connections.ts';
import type { PlanStep, RequestPlan } from '../plan/request-plan.ts';
import { keyText } from './captured-rows.ts';
import { sourceValues } from './source-values.ts';

/** One collection of the subject's data (the package writer's `CollectionRows`); rows stream as read. */
export interface CollectionRows {
  readonly dataset: string;
  /** The collection's name in its dataset. */
  readonly collection: string;
  /** Its display name: the collection's, or `dataset.collection` when two datasets share the name. */
  readonly name: string;
  readonly rows: AsyncIterable<DataRow>;
}

/** How reading one collection ended. */
export type CollectionOutcome =
  | { readonly step: PlanStep; readonly ok: true; readonly rows: number }
  | { readonly step: PlanStep; readonly ok: false; readonly error: string };

/** What collecting needs. */
export interface CollectDeps {
  readonly connections: DatasetConnections;
  /** Told how each collection ended: counted, or failed (its database down, or a collection it is found from). */
  readonly onOutcome?: (outcome: CollectionOutcome) => void;
}

function followedFields(plan: RequestPlan, step: PlanStep): string[] {
  const fields = plan.steps.flatMap((s) =>
    s.sources.flatMap((src) => (src.kind === 'reference' && src.from === step.id ? [src.fromField] : [])),
  );
  return [...new Set(fields)];
}

/**
 * The subject's rows, collection by collection in plan order, streamed from the databases: only the values
 * later collections are found by are kept in memory. Read each collection's rows before asking for the next
 * (rows left unread are read and dropped then). A collection that cannot be read (its database is down) is
 * not yielded, only reported through `onOutcome`, as are the collections found from it; the others go on. A
 * failure after the first row throws from that collection's `rows`.
 */
export async function* collectSubjectRows(
  deps: CollectDeps,
  plan: RequestPlan,
  signal: AbortSignal,
): AsyncGenerator<CollectionRows> {
  const found = new Map<string, Record<string, unknown[]>>();
  const failed = new Map<string, string>();
  for (const step of plan.steps) {
    const blocked = step.sources.find((s) => s.kind === 'reference' && failed.has(s.from));
    if (blocked !== undefined && blocked.kind === 'reference') {
      const error = `not read: ${blocked.from} failed`;
      failed.set(step.id, error);
      deps.onOutcome?.({ step, ok: false, error });
      continue;
    }
    const follow = followedFields(plan, step);
    const distinct = new Map(follow.map((f) => [f, new Map<string, unknown>()]));
    let count = 0;
    let error: string | undefined;
    const rows = async function* (): AsyncGenerator<DataRow> {
      try {
        const connection = await deps.connections.get(step.dataset, signal);
        const several = step.sources.length > 1;
        const seen = new Set<string>();
        const keyFields = step.primaryKey;
        for (const source of step.sources) {
          const values = sourceValues(source, plan.identities, (id) => {
            const v = found.get(id);
            return v && { values: v };
          });
          if (values.length === 0) continue;
          const transform = source.kind === 'identity' ? source.transform : 'none';
          const query = { collection: step.table, match: { field: source.field, values, transform } };
          for await (const row of connection.readRows(query, signal)) {
            if (several) {
              const text = keyFields.length > 0 ? keyText(row, keyFields) : valueKey(row);
              if (seen.has(text)) continue;
              seen.add(text);
            }
            for (const [field, map] of distinct) {
              const value = row[field];
              if (value !== null && value !== undefined) map.set(valueKey(value), value);
            }
            count += 1;
            yield row;
          }
        }
      } catch (e) {
        error = signal.aborted ? 'cancelled' : e instanceof Error ? e.message : String(e);
        throw e;
      }
    };
    const iterator = rows();
    // The first row is read before the collection is offered: a database that is down shows here.
    let primed: IteratorResult<DataRow> | undefined = await iterator.next().catch(() => undefined);
    let finished = primed?.done === true;
    const tracked: AsyncIterable<DataRow> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const result = primed ?? (await iterator.next());
          primed = undefined;
          if (result.done === true) finished = true;
          return result;
        },
        return: async () => ({ done: true, value: undefined }),
      }),
    };
    if (error === undefined)
      yield { collection: step.collection, name: step.name, dataset: step.dataset, rows: tracked };
    if (error === undefined && !finished) {
      try {
        for (let r = await iterator.next(); r.done !== true; r = await iterator.next());
      } catch {
        // recorded in `error` by the generator
      }
    }
    signal.throwIfAborted();
    if (error !== undefined) {
      failed.set(step.id, error);
      deps.onOutcome?.({ step, ok: false, error });
    } else {
      found.set(step.id, Object.fromEntries([...distinct].map(([f, map]) => [f, [...map.values()]])));
      deps.onOutcome?.({ step, ok: true, rows: count });
    }
  }
}
