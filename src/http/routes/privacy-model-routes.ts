import { Type } from 'typebox';
import { checkPrivacyModel } from '../../datamap/privacy-model/check-privacy-model.ts';
import { DataMapIssueSchema } from '../../datamap/privacy-model/data-map-issue.ts';
import {
  modelResourceNames,
  modelResources,
  type ModelResource,
} from '../../datamap/privacy-model/model-resources.ts';
import { loadPrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { PrivacyModelDeps } from '../../datamap/privacy-model/privacy-model-deps.ts';
import { loadDefaultTaxonomy } from '../../datamap/taxonomy/load-default-taxonomy.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { registerNoticeFragmentRoutes } from './notice-fragment-routes.ts';
import { registerCrudRoutes } from './register-crud-routes.ts';
import { registerRopaRoutes } from './ropa-routes.ts';
import { registerTaxonomyRoutes } from './taxonomy-routes.ts';

/**
 * The privacy side of the data map: systems, purposes, recipients and transfers (viewers read, admins write),
 * the taxonomy, the data-map check, the record of processing, and the public notice fragments.
 */
export async function registerPrivacyModelRoutes(app: PrivetApp, appDeps: AppDeps): Promise<void> {
  const deps: PrivacyModelDeps = { ...appDeps, taxonomyDefaults: await loadDefaultTaxonomy() };
  const db = deps.store.db;

  for (const name of modelResourceNames) {
    const resource: ModelResource = modelResources[name];
    registerCrudRoutes(app, {
      path: `/api/admin/${resource.plural}`,
      param: resource.param,
      tag: 'data map',
      noun: resource.noun,
      plural: resource.plural,
      newSchema: resource.newSchema,
      fieldsSchema: resource.fieldsSchema,
      itemSchema: resource.itemSchema,
      list: (signal) => resource.list(db, signal),
      get: (id) => resource.get(db, id),
      // Fastify has validated the body against the same schemas the resource declares.
      create: (input, actor) => resource.create(deps, input as never, actor),
      update: (id, fields, actor) => resource.update(deps, id, fields as never, actor),
      remove: (id, actor) => resource.remove(deps, id, actor),
    });
  }
  app.get(
    '/api/admin/datamap/check',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Check the data map: issues with code, severity and path (ok when there is no error)',
        tags: ['data map'],
        response: { 200: Type.Object({ ok: Type.Boolean(), issues: Type.Array(DataMapIssueSchema) }) },
      },
    },
    async () => {
      const issues = checkPrivacyModel(await loadPrivacyModel(db, deps.taxonomyDefaults));
      return { ok: !issues.some((issue) => issue.severity === 'error'), issues };
    },
  );

  await registerTaxonomyRoutes(app, deps);
  await registerRopaRoutes(app, deps);
  await registerNoticeFragmentRoutes(app, deps);
}
