import { Type } from 'typebox';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';
import { RoleSchema } from '../role-schema.ts';

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  role: RoleSchema,
  createdBy: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

/** API keys: list, create (the key is shown once), revoke. */
export async function registerApiKeyRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/api-keys',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'List active API keys',
        tags: ['api keys'],
        response: { 200: Type.Object({ keys: Type.Array(ApiKeySchema) }) },
      },
    },
    async () => ({ keys: await listApiKeys(deps) }),
  );

  app.post(
    '/api/admin/api-keys',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Create an API key; the key is in this response only',
        tags: ['api keys'],
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), role: RoleSchema }),
        response: { 201: Type.Intersect([ApiKeySchema, Type.Object({ key: Type.String() })]) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiKey(deps, request.body, principalOf(request).actor)),
  );

  app.delete(
    '/api/admin/api-keys/:id',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Revoke an API key',
        tags: ['api keys'],
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await revokeApiKey(deps, request.params.id, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );
}
