import { Type } from 'typebox';
import type { PrivacyModelDeps } from '../../datamap/privacy-model/privacy-model-deps.ts';
import { loadTaxonomy } from '../../datamap/taxonomy/load-taxonomy.ts';
import {
  addTaxonomyExtension,
  NewTaxonomyExtensionSchema,
  removeTaxonomyExtension,
} from '../../datamap/taxonomy/taxonomy-extension-repository.ts';
import { sensitivityKinds, taxonomyKinds } from '../../datamap/taxonomy/taxonomy.ts';
import type { PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

const EntrySchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  parentKey: Nullable(Type.String()),
  custom: Type.Boolean(),
  sensitivity: Type.Union([Type.Enum(sensitivityKinds), Type.Null()]),
});

const DpvConcept = {
  code: Type.String(),
  article: Type.String(),
  dpvTerm: Type.String(),
  dpvLabel: Type.String(),
  dpvName: Type.String(),
  dpvIri: Type.String(),
  definition: Type.String(),
};

const TaxonomySchema = Type.Object({
  dataCategories: Type.Array(EntrySchema),
  dataUses: Type.Array(EntrySchema),
  dataSubjects: Type.Array(EntrySchema),
  legalBases: Type.Array(Type.Object({ ...DpvConcept, plainName: Type.String() })),
  specialCategoryConditions: Type.Array(Type.Object(DpvConcept)),
});

const KindSchema = Type.Enum(taxonomyKinds);

/** The taxonomy in force (fideslang + GDPR legal bases + the organisation's extensions) and its extensions. */
export async function registerTaxonomyRoutes(app: PrivetApp, deps: PrivacyModelDeps): Promise<void> {
  app.get(
    '/api/admin/taxonomy',
    {
      config: { role: 'viewer' },
      schema: {
        summary:
          'Data categories, uses and subjects (fideslang + custom), GDPR legal bases and Art. 9 conditions',
        tags: ['data map'],
        response: { 200: TaxonomySchema },
      },
    },
    async () => {
      const taxonomy = await loadTaxonomy(deps.store.db, deps.taxonomyDefaults);
      return {
        dataCategories: [...taxonomy.dataCategories],
        dataUses: [...taxonomy.dataUses],
        dataSubjects: [...taxonomy.dataSubjects],
        legalBases: [...taxonomy.legalBases],
        specialCategoryConditions: [...taxonomy.specialCategoryConditions],
      };
    },
  );

  app.post(
    '/api/admin/taxonomy/extensions',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a custom data category, use or subject under an existing parent',
        tags: ['data map'],
        body: NewTaxonomyExtensionSchema,
        response: {
          201: Type.Object({
            kind: KindSchema,
            key: Type.String(),
            name: Type.String(),
            description: Type.String(),
            parentKey: Nullable(Type.String()),
            sensitivity: Type.Union([Type.Enum(sensitivityKinds), Type.Null()]),
          }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTaxonomyExtension(deps, request.body, principalOf(request).actor)),
  );

  app.delete(
    '/api/admin/taxonomy/extensions/:kind/:key',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove a custom taxonomy key',
        tags: ['data map'],
        params: Type.Object({ kind: KindSchema, key: Type.String({ maxLength: 200 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeTaxonomyExtension(
        deps,
        request.params.kind,
        request.params.key,
        principalOf(request).actor,
      );
      return reply.status(204).send(null);
    },
  );
}
