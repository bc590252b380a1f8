import { Type } from 'typebox';
import { redactUrlSecrets } from '../../domain/redact-url-secrets.ts';
import { testConnection } from '../../connectors/test-connection.ts';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  openConnectionUrl,
  recordConnectionTest,
} from '../../datamap/connections/connection-store.ts';
import { createSecretBox } from '../../domain/secret-box.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';

const ConnectionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  engine: Type.String(),
  url: Type.String({ description: 'With the password replaced by ***' }),
  datasetKey: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  lastTest: Type.Union([
    Type.Object({ at: Type.String(), ok: Type.Boolean(), error: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});
const TEST_TIMEOUT_MS = 10_000;

/** Database connections of the data map: stored sealed, shown without passwords, testable. */
export async function registerConnectionRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const connectionDeps = {
    store: deps.store,
    clock: deps.clock,
    box: createSecretBox(deps.config.secret, 'connections'),
  };

  app.get(
    '/api/admin/connections',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List database connections',
        tags: ['data map'],
        response: { 200: Type.Object({ connections: Type.Array(ConnectionSchema) }) },
      },
    },
    async () => ({ connections: await listConnections(deps.store) }),
  );

  app.post(
    '/api/admin/connections',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a connection: postgres://, mysql://, mariadb://, sqlite:<path> or redis:// URL',
        tags: ['data map'],
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          url: Type.String({ minLength: 7, maxLength: 2000 }),
          datasetKey: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: ConnectionSchema },
      },
    },
    async (request, reply) => {
      const { name, url, datasetKey } = request.body;
      const created = await createConnection(
        connectionDeps,
        { name, url, ...(datasetKey === undefined ? {} : { datasetKey }) },
        principalOf(request).actor,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/admin/connections/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One connection',
        tags: ['data map'],
        params: Type.Object({ id: Type.String() }),
        response: { 200: ConnectionSchema },
      },
    },
    async (request) => getConnection(deps.store, request.params.id),
  );

  app.post(
    '/api/admin/connections/:id/test',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Connect and report the server version, or why it failed',
        tags: ['data map'],
        params: Type.Object({ id: Type.String() }),
        response: { 200: ConnectionSchema },
      },
    },
    async (request) => {
      const url = await openConnectionUrl(connectionDeps, request.params.id);
      const result = await testConnection(url, AbortSignal.timeout(TEST_TIMEOUT_MS));
      const outcome = result.ok
        ? { ok: true, error: null }
        : { ok: false, error: redactUrlSecrets(result.error, url) };
      return recordConnectionTest(connectionDeps, request.params.id, outcome, principalOf(request).actor);
    },
  );

  app.delete(
    '/api/admin/connections/:id',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove a connection',
        tags: ['data map'],
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteConnection(connectionDeps, request.params.id, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );
}
