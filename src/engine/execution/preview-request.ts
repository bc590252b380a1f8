import { listPurposes } from '../../datamap/purposes/purpose-repository.ts';
import type { RequestPlan } from '../plan/request-plan.ts';
import { capturePhase } from './capture-phase.ts';
import { datasetConnections } from './dataset-connections.ts';
import { planRequest, type PlanRequestInput } from './plan-request.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { defaultRetryPolicy } from './retry-policy.ts';
import { stepTracker } from './step-tracker.ts';

/** A plan with the rows each step would find now: a count, or why it could not be counted. */
export interface RequestPreview {
  readonly plan: RequestPlan;
  readonly rows: ReadonlyMap<string, { readonly rows: number } | { readonly error: string }>;
}

/**
 * Plans a request and finds the subject's rows over read-only connections, to show what a run would touch.
 * Writes nothing anywhere (the Privet store is only read, for purposes).
 */
export async function previewRequest(
  deps: RequestEngineDeps,
  input: PlanRequestInput,
  signal: AbortSignal,
): Promise<RequestPreview> {
  const purposes = await listPurposes(deps.store.db, signal);
  const { plan } = await planRequest({ openIntrospector: deps.openIntrospector, purposes }, input, signal);
  const connections = datasetConnections(
    new Map(input.bindings.map((b) => [b.dataset.fides_key, b.url])),
    deps.openConnection,
    { readOnly: true, retry: deps.retry ?? defaultRetryPolicy },
  );
  try {
    // A preview has no steps to count: progress lines would only confuse.
    const quiet: RequestEngineDeps = {
      store: deps.store,
      clock: deps.clock,
      secret: deps.secret,
      openConnection: deps.openConnection,
      openIntrospector: deps.openIntrospector,
      ...(deps.retry === undefined ? {} : { retry: deps.retry }),
    };
    const captured = await capturePhase(quiet, plan, connections, stepTracker(quiet, null, [], 0), signal);
    const rows = new Map(
      plan.steps.map((s) => {
        const found = captured.rows.get(s.id);
        return [
          s.id,
          found === undefined
            ? { error: captured.failures.get(s.id) ?? 'not searched' }
            : { rows: found.count },
        ];
      }),
    );
    return { plan, rows };
  } finally {
    await connections.closeAll();
  }
}
