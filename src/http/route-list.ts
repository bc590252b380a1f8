import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  readonly method: string;
  /** In OpenAPI form: `/api/admin/users/{id}`. */
  readonly path: string;
  /** Hidden from the OpenAPI document on purpose (static web assets). */
  readonly hidden: boolean;
}

const lists = new WeakMap<object, RegisteredRoute[]>();

/** Records a route as Fastify registers it. */
export function recordRoute(
  app: FastifyInstance,
  route: { method: string | string[]; url: string; schema?: { hide?: boolean } },
): void {
  const list = lists.get(app) ?? [];
  lists.set(app, list);
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const method of methods) {
    if (method === 'HEAD') continue;
    list.push({
      method,
      path: route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
      hidden: route.schema?.hide === true,
    });
  }
}

/** Every route registered on the app, for tests that compare it with the OpenAPI document. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return lists.get(app) ?? [];
}
