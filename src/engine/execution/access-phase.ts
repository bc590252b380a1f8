import { collectSubjectRows, type CollectionRows } from '../collect/collect-subject-rows.ts';
import type { RequestPlan } from '../plan/request-plan.ts';
import type { DatasetConnections } from './dataset-connections.ts';
import { failedCollection, type CollectionResult } from './request-result.ts';
import type { EndedStep, StepTracker } from './step-tracker.ts';

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

/**
 * How long an ended step may wait before it is stored: steps that end close together (a small subject's
 * collections, within milliseconds) share one commit, and progress still shows within this time.
 */
const SAVE_WITHIN_MS = 200;

/** What the access phase found, and the ended steps it left for the run's last commit to store. */
export interface AccessOutcome {
  readonly results: Map<string, CollectionResult>;
  readonly unsaved: readonly EndedStep[];
}

/**
 * Streams every collection of the plan to the consumer, one step each, and reports rows per collection.
 * Steps that ended within the last moments are returned unsaved, for the commit that ends the run.
 */
export async function accessPhase(
  plan: RequestPlan,
  connections: DatasetConnections,
  tracker: StepTracker,
  consume: RowsConsumer | undefined,
  signal: AbortSignal,
): Promise<AccessOutcome> {
  const results = new Map<string, CollectionResult>();
  const saves: Promise<void>[] = [];
  let ended: EndedStep[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const steps = ended;
    ended = [];
    const saved = tracker.endedAll(steps);
    // A failure is reported when all are awaited below, not as an unhandled rejection meanwhile.
    saved.catch(() => undefined);
    saves.push(saved);
  };
  const collections = collectSubjectRows(
    {
      connections,
      onOutcome: (outcome) => {
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
        ended.push({
          key: `collect:${outcome.step.id}`,
          collection: outcome.step.name,
          status: outcome.ok ? 'done' : 'failed',
          patch: outcome.ok ? { result: JSON.stringify(result) } : { error: outcome.error },
        });
        timer ??= setTimeout(flush, SAVE_WITHIN_MS);
      },
    },
    plan,
    signal,
  );
  try {
    await (consume ?? countOnly)(collections);
  } catch (error) {
    clearTimeout(timer);
    flush();
    await Promise.allSettled(saves);
    throw error;
  }
  clearTimeout(timer);
  await Promise.all(saves);
  return { results, unsaved: ended };
}
