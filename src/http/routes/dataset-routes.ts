import { Type } from 'typebox';
import { createSecretBox } from '../../domain/secret-box.ts';
import { checkLiveDatasets } from '../../datamap/datasets/check-live-datasets.ts';
import { deleteDataset } from '../../datamap/datasets/delete-dataset.ts';
import { getDataset } from '../../datamap/datasets/get-dataset.ts';
import { importDatasets } from '../../datamap/datasets/import-datasets.ts';
import { listDatasets } from '../../datamap/datasets/list-datasets.ts';
import { loadDatasets } from '../../datamap/datasets/load-datasets.ts';
import { exportFidesYaml } from '../../datamap/fides-yaml/export-fides-yaml.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';
import { ErrorBody } from '../error-body.ts';

// Dataset YAML of a large schema runs to megabytes; the app-wide JSON limit is for forms.
const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

// Reading a live schema is a few catalogue queries per connection; a hung server must not hang the page.
const LIVE_SCHEMA_TIMEOUT_MS = 30_000;

const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning')]);

const IssueSchema = Type.Object({
  code: Type.String(),
  severity: Severity,
  path: Type.String({
    description: '`file:line:yaml.path` when traced to a file, else `<fides_key>:<pointer>`',
  }),
  message: Type.String(),
  where: Type.Optional(Type.String({ description: '`file:line`' })),
});

const GraphIssueSchema = Type.Object({
  code: Type.String(),
  severity: Severity,
  path: Type.String(),
  message: Type.String(),
  dataset: Type.String(),
  pointer: Type.String(),
  collection: Type.Optional(Type.String()),
});

const SummarySchema = Type.Object({
  fidesKey: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  systemKeys: Type.Array(Type.String(), {
    description: 'The systems that list this dataset in their datasetKeys (where the link is stored)',
  }),
  systemKey: Type.Union([Type.String(), Type.Null()], { description: 'The first of systemKeys' }),
  collections: Type.Integer(),
  fields: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const DocumentSchema = Type.Object(
  { fides_key: Type.String(), collections: Type.Array(Type.Unknown()) },
  { additionalProperties: true, description: 'A Fides dataset, exactly as imported' },
);

const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });

/** Datasets of the data map: list, read, import Fides YAML, export it, delete, and the graph check. */
export async function registerDatasetRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const box = createSecretBox(deps.config.secret, 'connections');
  app.get(
    '/api/admin/datasets',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List datasets with collection and field counts',
        tags: ['data map'],
        response: { 200: Type.Object({ datasets: Type.Array(SummarySchema) }) },
      },
    },
    async () => ({ datasets: await listDatasets(deps.store) }),
  );

  app.post(
    '/api/admin/datasets/import',
    {
      config: { role: 'admin' },
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        summary: 'Import Fides dataset YAML, all or nothing (upserts by fides_key)',
        tags: ['data map'],
        body: Type.Object({
          yaml: Type.String({ minLength: 1, description: 'The YAML text, with a top-level `dataset:` list' }),
          name: Type.Optional(
            Type.String({ minLength: 1, maxLength: 200, description: 'File name for messages' }),
          ),
        }),
        response: {
          200: Type.Object({ imported: Type.Array(Type.String()), warnings: Type.Array(IssueSchema) }),
          400: ErrorBody,
        },
      },
    },
    async (request) =>
      importDatasets(
        deps,
        [{ name: request.body.name ?? 'upload.yml', text: request.body.yaml }],
        principalOf(request).actor,
      ),
  );

  app.get(
    '/api/admin/datasets/export',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Every dataset as one Fides dataset YAML file',
        tags: ['data map'],
        produces: ['application/yaml'],
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      const yaml = exportFidesYaml(await loadDatasets(deps.store));
      return reply.type('application/yaml; charset=utf-8').send(yaml);
    },
  );

  app.get(
    '/api/admin/datasets/check',
    {
      config: { role: 'viewer' },
      schema: {
        summary:
          'Graph check of the stored data map: dangling references, cycles, unreachable collections, and' +
          ' identities without an index in the live schema of datasets that have a connection',
        tags: ['data map'],
        response: { 200: Type.Object({ issues: Type.Array(GraphIssueSchema) }) },
      },
    },
    async () => ({
      issues: await checkLiveDatasets(
        { store: deps.store, box },
        AbortSignal.timeout(LIVE_SCHEMA_TIMEOUT_MS),
      ),
    }),
  );

  app.get(
    '/api/admin/datasets/:key',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One dataset as a Fides dataset document',
        tags: ['data map'],
        params: KeyParams,
        response: { 200: DocumentSchema, 404: ErrorBody },
      },
    },
    async (request) => {
      const dataset = await getDataset(deps.store, request.params.key);
      return { ...dataset, collections: [...dataset.collections] };
    },
  );

  app.delete(
    '/api/admin/datasets/:key',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Delete a dataset',
        tags: ['data map'],
        params: KeyParams,
        response: { 204: Type.Null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await deleteDataset(deps, request.params.key, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );
}
