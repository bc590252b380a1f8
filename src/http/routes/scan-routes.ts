import { Type } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { openConnectionUrl } from '../../datamap/connections/connection-store.ts';
import { createSecretBox } from '../../domain/secret-box.ts';
import { scanDatabase } from '../../datamap/discovery/scan-database.ts';
import { exportFidesYaml } from '../../datamap/fides-yaml/export-fides-yaml.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';
import { ErrorBody } from '../error-body.ts';

// A scan samples every column; a large schema over a slow link takes a while, but not forever.
const SCAN_TIMEOUT_MS = 120_000;

const Names = Type.Array(Type.String());

const SummarySchema = Type.Object({
  tables: Type.Integer(),
  personalTables: Names,
  linkedTables: Names,
  notPersonalTables: Names,
  personalColumns: Type.Integer(),
  uncertainColumns: Type.Integer({ description: 'Personal proposals below 0.6 confidence' }),
  identities: Type.Array(Type.Object({ field: Type.String(), identity: Type.String() })),
  otherSubjects: Type.Array(Type.Object({ collection: Type.String(), subject: Type.String() })),
});

const DocumentSchema = Type.Object(
  { fides_key: Type.String(), collections: Type.Array(Type.Unknown()) },
  {
    additionalProperties: true,
    description: 'The proposed Fides dataset, with x-privet confidence and reason',
  },
);

/**
 * Discovery from the console: scans a stored connection's database and answers the proposed dataset, its
 * summary and the same dataset as Fides YAML. Nothing is stored; saving goes through the dataset import.
 */
export async function registerScanRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const box = createSecretBox(deps.config.secret, 'connections');

  app.post(
    '/api/admin/datamap/scan',
    {
      config: { role: 'admin' },
      schema: {
        summary: "Scan a connection's database and propose a Fides dataset (not stored)",
        tags: ['data map'],
        body: Type.Object({ connectionId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          200: Type.Object({
            dataset: DocumentSchema,
            summary: SummarySchema,
            yaml: Type.String({ description: 'The dataset as Fides dataset YAML, ready to import' }),
          }),
          404: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request) => {
      const { connectionId } = request.body;
      const url = await openConnectionUrl({ store: deps.store, box }, connectionId);
      const result = await scanDatabase(
        { openIntrospector, clock: deps.clock },
        { url },
        AbortSignal.timeout(SCAN_TIMEOUT_MS),
      );
      await appendAudit(deps, {
        actor: principalOf(request).actor,
        action: 'datamap.connection.scan',
        target: `connection:${connectionId}`,
        details: { tables: result.summary.tables, personalColumns: result.summary.personalColumns },
      });
      const { dataset, summary } = result;
      return {
        dataset: { ...dataset, collections: [...dataset.collections] },
        summary: {
          ...summary,
          personalTables: [...summary.personalTables],
          linkedTables: [...summary.linkedTables],
          notPersonalTables: [...summary.notPersonalTables],
          identities: [...summary.identities],
          otherSubjects: [...summary.otherSubjects],
        },
        yaml: exportFidesYaml([dataset]),
      };
    },
  );
}
