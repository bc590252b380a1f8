import { Type } from 'typebox';
import { checkPrivacyModel } from '../../datamap/privacy-model/check-privacy-model.ts';
import { DataMapIssueSchema } from '../../datamap/privacy-model/data-map-issue.ts';
import { loadPrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { PrivacyModelDeps } from '../../datamap/privacy-model/privacy-model-deps.ts';
import { NewPurposeSchema, PurposeFieldsSchema, PurposeSchema } from '../../datamap/purposes/purpose.ts';
import * as purposes from '../../datamap/purposes/purpose-repository.ts';
import {
  NewRecipientSchema,
  RecipientFieldsSchema,
  RecipientSchema,
} from '../../datamap/recipients/recipient.ts';
import * as recipients from '../../datamap/recipients/recipient-repository.ts';
import { TransferFieldsSchema, TransferSchema } from '../../datamap/recipients/transfer.ts';
import * as transfers from '../../datamap/recipients/transfer-repository.ts';
import { NewSystemSchema, SystemFieldsSchema, SystemSchema } from '../../datamap/systems/system.ts';
import * as systems from '../../datamap/systems/system-repository.ts';
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

  registerCrudRoutes(app, {
    path: '/api/admin/systems',
    param: 'key',
    tag: 'data map',
    noun: 'system',
    plural: 'systems',
    newSchema: NewSystemSchema,
    fieldsSchema: SystemFieldsSchema,
    itemSchema: SystemSchema,
    list: (signal) => systems.listSystems(db, signal),
    get: (key) => systems.getSystem(db, key),
    create: (input, actor) => systems.createSystem(deps, input, actor),
    update: (key, fields, actor) => systems.updateSystem(deps, key, fields, actor),
    remove: (key, actor) => systems.deleteSystem(deps, key, actor),
  });

  registerCrudRoutes(app, {
    path: '/api/admin/purposes',
    param: 'key',
    tag: 'data map',
    noun: 'purpose',
    plural: 'purposes',
    newSchema: NewPurposeSchema,
    fieldsSchema: PurposeFieldsSchema,
    itemSchema: PurposeSchema,
    list: (signal) => purposes.listPurposes(db, signal),
    get: (key) => purposes.getPurpose(db, key),
    create: (input, actor) => purposes.createPurpose(deps, input, actor),
    update: (key, fields, actor) => purposes.updatePurpose(deps, key, fields, actor),
    remove: (key, actor) => purposes.deletePurpose(deps, key, actor),
  });

  registerCrudRoutes(app, {
    path: '/api/admin/recipients',
    param: 'key',
    tag: 'data map',
    noun: 'recipient',
    plural: 'recipients',
    newSchema: NewRecipientSchema,
    fieldsSchema: RecipientFieldsSchema,
    itemSchema: RecipientSchema,
    list: (signal) => recipients.listRecipients(db, signal),
    get: (key) => recipients.getRecipient(db, key),
    create: (input, actor) => recipients.createRecipient(deps, input, actor),
    update: (key, fields, actor) => recipients.updateRecipient(deps, key, fields, actor),
    remove: (key, actor) => recipients.deleteRecipient(deps, key, actor),
  });

  registerCrudRoutes(app, {
    path: '/api/admin/transfers',
    param: 'id',
    tag: 'data map',
    noun: 'transfer',
    plural: 'transfers',
    newSchema: TransferFieldsSchema,
    fieldsSchema: TransferFieldsSchema,
    itemSchema: TransferSchema,
    list: (signal) => transfers.listTransfers(db, signal),
    get: (id) => transfers.getTransfer(db, id),
    create: (input, actor) => transfers.createTransfer(deps, input, actor),
    update: (id, fields, actor) => transfers.updateTransfer(deps, id, fields, actor),
    remove: (id, actor) => transfers.deleteTransfer(deps, id, actor),
  });

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
