import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { deleteCategory, getCategory, listCategories, saveCategory } from '../category-repository.ts';
import { CategoryKey, ConsentCategoryInput, ConsentCategorySchema } from '../consent-category.ts';

const tags = ['consent'];
const KeyParams = Type.Object({ key: CategoryKey });

/** Admin CRUD of the banner's consent categories. */
export async function registerCategoryRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/consent/categories',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List the banner’s consent categories in banner order',
        tags,
        response: { 200: Type.Object({ categories: Type.Array(ConsentCategorySchema) }) },
      },
    },
    async () => ({ categories: await listCategories(deps.store.db) }),
  );

  app.get(
    '/api/admin/consent/categories/:key',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One consent category',
        tags,
        params: KeyParams,
        response: { 200: ConsentCategorySchema },
      },
    },
    async (request) => {
      const category = await getCategory(deps.store.db, request.params.key);
      if (!category) throw new PrivetError('not_found', `No consent category ${request.params.key}`);
      return category;
    },
  );

  app.post(
    '/api/admin/consent/categories',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a consent category (the banner asks everyone again)',
        tags,
        body: Type.Intersect([Type.Object({ key: CategoryKey }), ConsentCategoryInput]),
        response: { 201: ConsentCategorySchema },
      },
    },
    async (request, reply) => {
      const { key, ...input } = request.body;
      const saved = await saveCategory(deps, 'create', key, input, principalOf(request).actor);
      return reply.status(201).send(saved);
    },
  );

  app.put(
    '/api/admin/consent/categories/:key',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Replace a consent category',
        tags,
        params: KeyParams,
        body: ConsentCategoryInput,
        response: { 200: ConsentCategorySchema },
      },
    },
    async (request) =>
      saveCategory(deps, 'replace', request.params.key, request.body, principalOf(request).actor),
  );

  app.delete(
    '/api/admin/consent/categories/:key',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove a consent category (its events stay in the ledger)',
        tags,
        params: KeyParams,
      },
    },
    async (request, reply) => {
      await deleteCategory(deps, request.params.key, principalOf(request).actor);
      return reply.status(204).send();
    },
  );
}
