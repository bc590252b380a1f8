import { Type } from 'typebox';
import { createLoginLink } from '../../auth/create-login-link.ts';
import { createUser } from '../../auth/create-user.ts';
import { listUsers } from '../../auth/list-users.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';
import { RoleSchema } from '../role-schema.ts';

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: Type.String(),
});

/** Staff accounts: list, create, and issue a one-time login link. */
export async function registerUserRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const linkDeps = { ...deps, publicUrl: deps.config.publicUrl };

  app.get(
    '/api/admin/users',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'List staff accounts',
        tags: ['users'],
        response: { 200: Type.Object({ users: Type.Array(UserSchema) }) },
      },
    },
    async () => ({ users: await listUsers(deps.store) }),
  );

  app.post(
    '/api/admin/users',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Create a staff account',
        tags: ['users'],
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          role: RoleSchema,
          password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })),
        }),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const { email, name, role, password } = request.body;
      const user = await createUser(
        deps,
        {
          email,
          role,
          ...(name === undefined ? {} : { name }),
          ...(password === undefined ? {} : { password }),
        },
        principalOf(request).actor,
      );
      return reply.status(201).send(user);
    },
  );

  app.post(
    '/api/admin/users/:id/login-link',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Create a one-time login link for a staff account',
        tags: ['users'],
        params: Type.Object({ id: Type.String() }),
        response: { 201: Type.Object({ url: Type.String(), expiresAt: Type.String() }) },
      },
    },
    async (request, reply) => {
      const link = await createLoginLink(linkDeps, request.params.id, principalOf(request).actor);
      return reply.status(201).send({ url: link.url, expiresAt: link.expiresAt.toISOString() });
    },
  );
}
