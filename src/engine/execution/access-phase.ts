import { collectSubjectRows, type CollectionRows } from '../collect/collect-subject-rows.ts';
import type { RequestPlan } from '../plan/request-plan.ts';
import type { DatasetConnections } from './dataset-connections.ts';
import { failedCollection, type CollectionResult } from './request-result.ts';
import type { StepTracker } from './step-tracker.ts';

/** Consumes the subject's rows: the package writer, the JSON files of `--out`, or counting only. */
export type RowsConsumer = (collections: AsyncIterable<CollectionRows>) => Promise<void>;

async function countOnly(collections: AsyncIterable<CollectionRows>): Promise<void> {
  for await (const { rows } of collections) {
    try {
      const iterator = rows[Symbol.asyncIterator]();
      while ((await iterator.next()).done !== true);
    } catch {
      // The outcome records the failure.
    }
  }
}

/** Streams every collection of the plan to the consumer, one step each, and reports rows per collection. */
export async function accessPhase(
  plan: RequestPlan,
  connections: DatasetConnections,
  tracker: StepTracker,
  consume: RowsConsumer | undefined,
  signal: AbortSignal,
): Promise<Map<string, CollectionResult>> {
  const results = new Map<string, CollectionResult>();
  const pending: Promise<void>[] = [];
  const collections = collectSubjectRows(
    {
      connections,
      onOutcome: (outcome) => {
        const key = `collect:${outcome.step.id}`;
        const result: CollectionResult = outcome.ok
          ? {
              dataset: outcome.step.dataset,
              status: 'done',
              rows: outcome.rows,
              masked: 0,
              deleted: 0,
              kept: 0,
              reasons: [],
            }
          : failedCollection(outcome.step.dataset, outcome.error);
        results.set(outcome.step.id, result);
        // Stored a macrotask later, once the next collection's read is on its way, so that writing the
        // checkpoint overlaps the database's work rather than delaying it.
        const next = new Promise((resolve) => setImmediate(resolve));
        const saved = next
          .then(() =>
            tracker.save(
              key,
              outcome.ok
                ? { status: 'done', result: JSON.stringify(result) }
                : { status: 'failed', error: outcome.ok ? null : outcome.error },
            ),
          )
          .then(() => tracker.ended(key, outcome.step.name, outcome.ok ? 'done' : 'failed'));
        // A failure is reported when all are awaited below, not as an unhandled rejection meanwhile.
        saved.catch(() => undefined);
        pending.push(saved);
      },
    },
    plan,
    signal,
  );
  await (consume ?? countOnly)(collections);
  await Promise.all(pending);
  return results;
}
