import { connectionErrorMessage } from '../../connectors/connection-error-message.ts';
import { parseConnectionUrl, type ConnectorEngine } from '../../connectors/connection-url.ts';
import type { Introspector, SchemaInfo } from '../../connectors/introspection.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { normaliseIdentities } from '../identity/normalise-identities.ts';
import type { IdentityInput } from '../identity/subject-identity.ts';
import { buildRequestPlan } from '../plan/build-request-plan.ts';
import type { RequestPlan } from '../plan/request-plan.ts';

/** A dataset and the database it describes. */
export interface DatasetBinding {
  readonly dataset: FidesDataset;
  readonly url: string;
}

/** What planning against live databases needs. */
export interface PlanRequestDeps {
  readonly openIntrospector: (url: string, signal: AbortSignal) => Promise<Introspector>;
  /**
   * Reads a dataset's schema another way (a run: over its own data connection, through the schema cache);
   * the introspector is used without it.
   */
  readonly readSchema?: (binding: DatasetBinding, signal: AbortSignal) => Promise<SchemaInfo>;
  /** The data map's purposes (legal holds). */
  readonly purposes: readonly Purpose[];
}

/** A request to plan. */
export interface PlanRequestInput {
  readonly bindings: readonly DatasetBinding[];
  readonly identities: readonly IdentityInput[];
  readonly subject?: string;
}

/** The plan, and the datasets whose database could not be read (their steps will fail when run). */
export interface PlannedRequest {
  readonly plan: RequestPlan;
  readonly unreachable: ReadonlyMap<string, string>;
}

/**
 * Reads each SQL database's schema (keys, column types, foreign keys) and plans the request with it. Redis
 * keyspaces are not scanned: their collections' key templates say enough. A database that cannot be read is
 * reported, not fatal: the plan then relies on the map alone.
 */
export async function planRequest(
  deps: PlanRequestDeps,
  input: PlanRequestInput,
  signal: AbortSignal,
): Promise<PlannedRequest> {
  const schemas = new Map<string, SchemaInfo>();
  const engines = new Map<string, ConnectorEngine>();
  const unreachable = new Map<string, string>();
  const read = new Map<string, Promise<SchemaInfo>>();
  const readSchema = (binding: DatasetBinding) =>
    deps.readSchema !== undefined
      ? deps.readSchema(binding, signal)
      : (async () => {
          const introspector = await deps.openIntrospector(binding.url, signal);
          try {
            return await introspector.readSchema(signal);
          } finally {
            await introspector.close();
          }
        })();
  // Each database once, all at the same time.
  const pending: { dataset: string; url: string; schema: Promise<SchemaInfo> }[] = [];
  for (const binding of input.bindings) {
    const { dataset, url } = binding;
    const engine = parseConnectionUrl(url).engine;
    engines.set(dataset.fides_key, engine);
    if (engine === 'redis') continue;
    let schema = read.get(url);
    if (schema === undefined) {
      schema = readSchema(binding);
      read.set(url, schema);
    }
    pending.push({ dataset: dataset.fides_key, url, schema });
  }
  const settled = await Promise.allSettled(pending.map((p) => p.schema));
  signal.throwIfAborted();
  settled.forEach((outcome, i) => {
    const { dataset, url } = pending[i] ?? { dataset: '', url: '' };
    if (outcome.status === 'fulfilled') schemas.set(dataset, outcome.value);
    else unreachable.set(dataset, `Cannot read the schema: ${connectionErrorMessage(outcome.reason, url)}`);
  });
  const { identities, issues } = normaliseIdentities(input.identities);
  const plan = buildRequestPlan({
    datasets: input.bindings.map((b) => b.dataset),
    identities,
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    schemas,
    engines,
    purposes: deps.purposes,
    issues: [
      ...issues,
      ...[...unreachable].map(([dataset, message]) => ({
        code: 'dataset_unreachable',
        path: dataset,
        message,
      })),
    ],
  });
  return { plan, unreachable };
}
