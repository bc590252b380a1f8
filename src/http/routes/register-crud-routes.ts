import type { FastifySchema } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';

/** One kind of privacy-model record and the use cases behind its five routes. */
export interface CrudResource<TNew extends TSchema, TFields extends TSchema, TItem extends TSchema> {
  /** E.g. `/api/admin/systems`. */
  readonly path: string;
  /** The name of the path parameter: `key` for fides-keyed records, `id` for generated ids. */
  readonly param: 'key' | 'id';
  readonly tag: string;
  /** Singular and plural nouns for summaries and the list's property name, e.g. `system`, `systems`. */
  readonly noun: string;
  readonly plural: string;
  readonly newSchema: TNew;
  readonly fieldsSchema: TFields;
  readonly itemSchema: TItem;
  list(signal?: AbortSignal): Promise<Static<TItem>[]>;
  get(id: string): Promise<Static<TItem> | undefined>;
  create(input: Static<TNew>, actor: string): Promise<Static<TItem>>;
  update(id: string, fields: Static<TFields>, actor: string): Promise<Static<TItem>>;
  remove(id: string, actor: string): Promise<void>;
}

// TypeBox cannot infer request and reply types through a generic schema, so the schemas are widened here;
// Fastify still validates bodies and serialises replies with them at run time, and the resource's own
// signatures keep the use cases typed.
const widen = (schema: FastifySchema): FastifySchema => schema;

/**
 * Registers list, read, create, replace and delete routes for a resource: viewers read, admins write. Each
 * write is one audited transaction in the use case behind it.
 */
export function registerCrudRoutes<TNew extends TSchema, TFields extends TSchema, TItem extends TSchema>(
  app: PrivetApp,
  resource: CrudResource<TNew, TFields, TItem>,
): void {
  const { path, param, tag, noun, plural, itemSchema } = resource;
  const params = Type.Object({ [param]: Type.String({ maxLength: 100 }) });
  const one = `${path}/:${param}`;
  const idOf = (request: { params: unknown }) => (request.params as Record<string, string>)[param] ?? '';

  app.get(
    path,
    {
      config: { role: 'viewer' },
      schema: widen({
        summary: `List ${plural}`,
        tags: [tag],
        response: { 200: Type.Object({ [plural]: Type.Array(itemSchema) }) },
      }),
    },
    async () => ({ [plural]: await resource.list() }),
  );

  app.get(
    one,
    {
      config: { role: 'viewer' },
      schema: widen({ summary: `One ${noun}`, tags: [tag], params, response: { 200: itemSchema } }),
    },
    async (request) => {
      const item = await resource.get(idOf(request));
      if (item === undefined) throw new PrivetError('not_found', `No ${noun} ${idOf(request)}`);
      return item;
    },
  );

  app.post(
    path,
    {
      config: { role: 'admin' },
      schema: widen({
        summary: `Create a ${noun}`,
        tags: [tag],
        body: resource.newSchema,
        response: { 201: itemSchema },
      }),
    },
    async (request, reply) => {
      const created = await resource.create(request.body as Static<TNew>, principalOf(request).actor);
      return reply.status(201).send(created);
    },
  );

  app.put(
    one,
    {
      config: { role: 'admin' },
      schema: widen({
        summary: `Replace a ${noun}'s fields`,
        tags: [tag],
        params,
        body: resource.fieldsSchema,
        response: { 200: itemSchema },
      }),
    },
    async (request) =>
      resource.update(idOf(request), request.body as Static<TFields>, principalOf(request).actor),
  );

  app.delete(
    one,
    {
      config: { role: 'admin' },
      schema: widen({ summary: `Delete a ${noun}`, tags: [tag], params, response: { 204: Type.Null() } }),
    },
    async (request, reply) => {
      await resource.remove(idOf(request), principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );
}
