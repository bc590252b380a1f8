import { appendAudit } from '../../audit/append-audit.ts';
import { redactConnectionUrl } from '../../connectors/connection-url.ts';
import { listPurposes } from '../../datamap/purposes/purpose-repository.ts';
import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import { findSharedRows } from '../erasure/find-shared-rows.ts';
import type { IdentityInput } from '../identity/subject-identity.ts';
import type { RequestPlan } from '../plan/request-plan.ts';
import { resolveCorrections, type CorrectionInput } from '../rectification/corrections.ts';
import { accessPhase, type RowsConsumer } from './access-phase.ts';
import { capturePhase, stepsNeedingRows } from './capture-phase.ts';
import { changePhase } from './change-phase.ts';
import { datasetConnections, type DatasetConnections } from './dataset-connections.ts';
import { derivedSteps } from './derived-steps.ts';
import { planRequest, type DatasetBinding } from './plan-request.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { runStatus, type CollectionResult, type RequestType, type RunStatus } from './request-result.ts';
import { resumeKey } from './resume-key.ts';
import { defaultRetryPolicy } from './retry-policy.ts';
import { openRun } from './open-run.ts';
import { processSchemaCache } from './schema-cache.ts';
import { finishRun } from './run-store.ts';
import { stepTracker, type EndedStep } from './step-tracker.ts';

/** One request to run. */
export interface RequestRunInput {
  readonly type: RequestType;
  readonly bindings: readonly DatasetBinding[];
  readonly identities: readonly IdentityInput[];
  /** The requester's data subject category (default `customer`). */
  readonly subject?: string;
  /** Rectification: the corrected values. */
  readonly corrections?: readonly CorrectionInput[];
  /** Find and compute everything, change nothing, store nothing. */
  readonly dryRun?: boolean;
  /** Resume (or take over) this run instead of the one found by the request's resume key. */
  readonly runId?: string;
  readonly actor?: string;
  /** Access and portability: where the subject's rows go (by default they are only counted). */
  readonly consume?: RowsConsumer;
}

/** How a request ended, per collection (by display name), with the plan it followed. */
export interface RequestRunResult {
  readonly runId: string | null;
  readonly status: RunStatus;
  readonly cancelled: boolean;
  readonly resumed: boolean;
  readonly collections: Readonly<Record<string, CollectionResult>>;
  readonly issues: readonly ErrorIssue[];
  readonly plan: RequestPlan;
}

/**
 * Runs a request end to end: plans it against the live schemas, then collects (access, portability) or
 * captures the subject's keys and changes their rows (erasure, rectification) one checkpointed step per
 * collection. A database that cannot be reached fails its steps, not the request (`partial`); a re-run of
 * the same request resumes an unfinished one; the signal cancels between and inside steps.
 */
export async function runRequest(
  deps: RequestEngineDeps,
  input: RequestRunInput,
  signal: AbortSignal,
): Promise<RequestRunResult> {
  const changes = input.type === 'erasure' || input.type === 'rectification';
  const urls = new Map(input.bindings.map((b) => [b.dataset.fides_key, b.url]));
  // One connection per dataset for the whole run: planning reads the schema over it (or takes it from the
  // cache when the database's schema version is unchanged), then the steps read and write over it.
  const connections = datasetConnections(urls, deps.openConnection, {
    readOnly: !changes || input.dryRun === true,
    retry: deps.retry ?? defaultRetryPolicy,
  });
  try {
    return await runWithConnections(deps, input, connections, signal);
  } finally {
    await connections.closeAll();
  }
}

async function runWithConnections(
  deps: RequestEngineDeps,
  input: RequestRunInput,
  connections: DatasetConnections,
  signal: AbortSignal,
): Promise<RequestRunResult> {
  const purposes = await listPurposes(deps.store.db, signal);
  const cache = deps.schemaCache ?? processSchemaCache;
  const readSchema = async (binding: DatasetBinding, s: AbortSignal) => {
    const connection = await connections.get(binding.dataset.fides_key, s);
    if (connection.readSchema !== undefined) return cache.schemaOf(binding.url, connection, s);
    const introspector = await deps.openIntrospector(binding.url, s);
    try {
      return await introspector.readSchema(s);
    } finally {
      await introspector.close();
    }
  };
  const { plan } = await planRequest(
    { openIntrospector: deps.openIntrospector, readSchema, purposes },
    input,
    signal,
  );
  const changes = input.type === 'erasure' || input.type === 'rectification';
  const corrections =
    input.type === 'rectification' ? resolveCorrections(plan, input.corrections ?? []) : new Map();
  if (input.type === 'rectification' && corrections.size === 0)
    throw new PrivetError('bad_request', 'A rectification needs at least one --set field=value');
  const order =
    input.type === 'rectification'
      ? plan.erasureOrder.filter((id) => corrections.has(id))
      : plan.erasureOrder;
  const phase = input.type === 'erasure' ? 'erase' : 'rectify';
  const steps = changes
    ? [
        ...plan.steps.map((s) => ({ key: `capture:${s.id}`, phase: 'capture', collection: s.name })),
        ...order.map((id) => ({
          key: `${phase}:${id}`,
          phase,
          collection: plan.steps.find((s) => s.id === id)?.name ?? id,
        })),
      ]
    : plan.steps.map((s) => ({ key: `collect:${s.id}`, phase: 'collect', collection: s.name }));
  const key = resumeKey(deps.secret, {
    type: input.type,
    subject: plan.subject,
    identities: plan.identities,
    bindings: input.bindings,
    corrections: input.corrections ?? [],
  });
  const run =
    input.dryRun === true
      ? { runId: null, records: [], resumed: false }
      : await openRun(deps, {
          type: input.type,
          resumeKey: key,
          resumable: changes,
          requested: input.runId,
          steps,
          input: {
            type: input.type,
            subject: plan.subject,
            identityTypes: plan.identities.map((i) => i.type),
            datasets: input.bindings.map((b) => ({
              key: b.dataset.fides_key,
              connection: redactConnectionUrl(b.url),
            })),
            corrections: (input.corrections ?? []).map((c) => c.target),
          },
        });
  const tracker = stepTracker(deps, run.runId, run.records, steps.length);
  let results = new Map<string, CollectionResult>();
  // Ended steps stored with the run's end, in its one commit.
  let unsaved: readonly EndedStep[] = [];
  let cancelled = false;
  try {
    if (!changes) {
      const accessed = await accessPhase(plan, connections, tracker, input.consume, signal);
      results = accessed.results;
      unsaved = accessed.unsaved;
    } else {
      const changing = new Set(
        input.type === 'rectification'
          ? corrections.keys()
          : plan.steps
              .filter((s) => s.rowDelete || s.fields.some((f) => f.action === 'mask'))
              .map((s) => s.id),
      );
      const needsRows = stepsNeedingRows(plan, changing);
      // Erasure: rows reached through kept keys are matched again in SQL rather than read (derivedSteps).
      const derived = input.type === 'erasure' ? derivedSteps(plan) : new Set<string>();
      const captured = await capturePhase(deps, plan, connections, tracker, signal, needsRows, derived);
      const shared = await findSharedRows(plan, captured.rows, connections, signal);
      const request = {
        kind: phase,
        order,
        corrections,
        dryRun: input.dryRun === true,
        actor: input.actor ?? 'system',
      } as const;
      results = await changePhase(deps, plan, request, connections, captured, shared, tracker, signal);
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    cancelled = true;
  }
  const collections = Object.fromEntries(
    plan.steps.flatMap((s) => {
      const result = results.get(s.id);
      return result === undefined ? [] : [[s.name, result]];
    }),
  );
  const status: RunStatus = cancelled ? 'failed' : runStatus(Object.values(collections));
  // The databases are done with: their connections close while the run's outcome is stored.
  const closing = connections.closeAll();
  if (run.runId !== null) {
    const runId = run.runId;
    // The run's end and its audit entry in one transaction: one commit.
    await deps.store.transaction(async (trx) => {
      await tracker.endedAll(unsaved, trx);
      await finishRun(
        deps,
        runId,
        {
          status: cancelled ? 'cancelled' : status,
          result: collections,
          error: cancelled ? 'cancelled' : null,
        },
        trx,
      );
      await appendAudit(
        deps,
        {
          actor: input.actor ?? 'system',
          action: `request.${input.type}`,
          target: `request-run:${runId}`,
          details: {
            status: cancelled ? 'cancelled' : status,
            resumed: run.resumed,
            collections: Object.fromEntries(
              Object.entries(collections).map(([name, r]) => [
                name,
                { rows: r.rows, masked: r.masked, deleted: r.deleted, kept: r.kept, status: r.status },
              ]),
            ),
          },
        },
        trx,
      );
    });
  } else await tracker.endedAll(unsaved);
  await closing;
  return {
    runId: run.runId,
    status,
    cancelled,
    resumed: run.resumed,
    collections,
    issues: plan.issues,
    plan,
  };
}
