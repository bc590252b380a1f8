import { loadDatasets } from '../../datamap/datasets/load-datasets.ts';
import type { FidesField } from '../../datamap/fides-dataset.ts';
import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import { connectedDatasetKeys } from '../execution/request-bindings.ts';
import type { RequestDeps } from '../request-deps.ts';

/** A field a person may ask to have corrected, as the privacy center offers it. */
export interface RectifiableField {
  /** `dataset.collection.field`: what the correction names and the engine changes. */
  readonly target: string;
  /** The field as the data map describes it, else its name in words. */
  readonly label: string;
  readonly collection: string;
  readonly categories: string[];
}

function words(name: string): string {
  const spaced = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// Identifiers and credentials the organisation assigns are not facts about the person to correct.
const NOT_FACTS = ['user.unique_id', 'user.authorization', 'user.device'];

// A person's own data that the engine can overwrite in place: keys, links to other rows, read-only and nested
// (document) fields are not theirs to correct field by field.
function rectifiable(field: FidesField): boolean {
  const meta = field.fides_meta;
  if (meta?.primary_key === true || meta?.read_only === true) return false;
  if ((meta?.references ?? []).length > 0 || (field.fields ?? []).length > 0) return false;
  return (field.data_categories ?? []).some(
    (category) =>
      category.startsWith('user.') &&
      !NOT_FACTS.some((prefix) => category === prefix || category.startsWith(`${prefix}.`)),
  );
}

/**
 * The fields of connected datasets holding a person's data that a rectification can correct, from the data
 * map: what the privacy center lets people choose from.
 */
export async function listRectifiableFields(
  deps: Pick<RequestDeps, 'store'>,
  signal?: AbortSignal,
): Promise<RectifiableField[]> {
  const connected = new Set(await connectedDatasetKeys(deps.store.db));
  const datasets = await loadDatasets(deps.store, signal);
  const fields: RectifiableField[] = [];
  for (const dataset of datasets) {
    if (!connected.has(dataset.fides_key)) continue;
    for (const collection of dataset.collections) {
      if (collection.fides_meta?.skip_processing === true) continue;
      for (const field of collection.fields) {
        if (!rectifiable(field)) continue;
        fields.push({
          target: `${dataset.fides_key}.${collection.name}.${field.name}`,
          label: field.description?.trim() || words(field.name),
          collection: collection.name,
          categories: [...(field.data_categories ?? [])],
        });
      }
    }
  }
  return fields;
}

/**
 * Throws 400 naming each correction that is not a rectifiable field. Without any (no connected dataset) staff
 * read the person's words, so any field name passes.
 */
export async function checkPublicCorrections(
  deps: Pick<RequestDeps, 'store'>,
  corrections: Readonly<Record<string, string>>,
): Promise<void> {
  const offered = await listRectifiableFields(deps);
  if (offered.length === 0) return;
  const targets = new Set(offered.map((f) => f.target));
  const issues: ErrorIssue[] = Object.keys(corrections)
    .filter((target) => !targets.has(target))
    .map((target) => ({
      code: 'not_rectifiable',
      path: `details.corrections.${target}`,
      message: `"${target}" is not a field that can be corrected here`,
    }));
  if (issues.length > 0) {
    throw new PrivetError(
      'validation_failed',
      `Not a correctable field: ${issues.map((i) => i.path.slice('details.corrections.'.length)).join(', ')}`,
      { issues },
    );
  }
}
