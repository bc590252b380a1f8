import { Document, isScalar, isSeq, visit } from 'yaml';
import type {
  FidesCollection,
  FidesDataset,
  FidesField,
  FidesFieldMeta,
  FidesMaskingStrategy,
  FidesReference,
} from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';

// Short lists of keys stay on one line, as Fides writes them: `data_categories: [user.contact.email]`.
const FLOW_LISTS = new Set(['data_categories', 'after', 'erase_after']);

/** Writes datasets as Fides dataset YAML (a top-level `dataset:` list) that imports back to equal values. */
export function exportFidesYaml(datasets: readonly FidesDataset[]): string {
  const doc = new Document({ dataset: datasets.map(datasetYaml) }, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && FLOW_LISTS.has(String(pair.key.value)) && isSeq(pair.value)) {
        pair.value.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function datasetYaml(dataset: FidesDataset): Record<string, unknown> {
  return withExtra(
    definedOnly({
      fides_key: dataset.fides_key,
      name: dataset.name,
      description: dataset.description,
      organization_fides_key: dataset.organization_fides_key,
      data_categories: dataset.data_categories,
      fides_meta: dataset.fides_meta,
    }),
    dataset.extra,
    { collections: dataset.collections.map(collectionYaml) },
  );
}

function collectionYaml(collection: FidesCollection): Record<string, unknown> {
  const meta = collection.fides_meta;
  return withExtra(
    definedOnly({
      name: collection.name,
      description: collection.description,
      data_categories: collection.data_categories,
      fides_meta:
        meta === undefined
          ? undefined
          : withExtra(
              definedOnly({
                after: meta.after,
                erase_after: meta.erase_after,
                skip_processing: meta.skip_processing,
                masking_strategy_override: maskingYaml(meta.masking_strategy_override),
              }),
              meta.extra,
            ),
      'x-privet': collection['x-privet'],
    }),
    collection.extra,
    { fields: collection.fields.map(fieldYaml) },
  );
}

function fieldYaml(field: FidesField): Record<string, unknown> {
  return withExtra(
    definedOnly({
      name: field.name,
      description: field.description,
      data_categories: field.data_categories,
      fides_meta: field.fides_meta === undefined ? undefined : fieldMetaYaml(field.fides_meta),
      'x-privet': field['x-privet'],
    }),
    field.extra,
    field.fields === undefined ? {} : { fields: field.fields.map(fieldYaml) },
  );
}

function fieldMetaYaml(meta: FidesFieldMeta): Record<string, unknown> {
  return withExtra(
    definedOnly({
      identity: meta.identity,
      primary_key: meta.primary_key,
      data_type: meta.data_type,
      length: meta.length,
      references: meta.references?.map(referenceYaml),
      return_all_elements: meta.return_all_elements,
      read_only: meta.read_only,
      masking_strategy_override: maskingYaml(meta.masking_strategy_override),
    }),
    meta.extra,
  );
}

function referenceYaml(reference: FidesReference): Record<string, unknown> {
  return withExtra(
    definedOnly({ dataset: reference.dataset, field: reference.field, direction: reference.direction }),
    reference.extra,
  );
}

function maskingYaml(masking: FidesMaskingStrategy | undefined): Record<string, unknown> | undefined {
  if (masking === undefined) return undefined;
  return withExtra(
    definedOnly({ strategy: masking.strategy, configuration: masking.configuration }),
    masking.extra,
  );
}

// Unknown keys go after the known ones and before nested lists; a known key always wins over an
// `extra` key of the same name, which only a hand-built value could hold.
function withExtra(
  known: Record<string, unknown>,
  extra: Readonly<Record<string, unknown>> | undefined,
  children: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...known };
  for (const [key, value] of Object.entries(extra ?? {}))
    if (!(key in out) && !(key in children)) out[key] = value;
  return { ...out, ...children };
}
