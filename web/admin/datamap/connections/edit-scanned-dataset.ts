import type { FidesDataset, FidesField } from '../datamap-types.ts';
import { withoutKeys } from '../without-keys.ts';

/** A reviewer's change to one proposed field: another category, or another identity (null for none). */
export interface FieldEdit {
  readonly category?: string;
  readonly identity?: string | null;
}

function editField(field: FidesField, edit: FieldEdit): FidesField {
  let next = field;
  if (edit.category !== undefined)
    next = { ...next, data_categories: edit.category === '' ? [] : [edit.category] };
  if (edit.identity !== undefined) {
    const meta = withoutKeys(next.fides_meta ?? {}, ['identity']);
    next = { ...next, fides_meta: edit.identity === null ? meta : { ...meta, identity: edit.identity } };
  }
  return next;
}

function editFields(fields: readonly FidesField[], path: readonly string[], edit: FieldEdit): FidesField[] {
  const [head, ...rest] = path;
  return fields.map((field) => {
    if (field.name !== head) return field;
    if (rest.length === 0) return editField(field, edit);
    return { ...field, fields: editFields(field.fields ?? [], rest, edit) };
  });
}

/** The dataset with one field (`collection`, dotted `fieldPath`) changed. */
export function withFieldEdit(
  dataset: FidesDataset,
  collection: string,
  fieldPath: string,
  edit: FieldEdit,
): FidesDataset {
  return {
    ...dataset,
    collections: dataset.collections.map((c) =>
      c.name === collection ? { ...c, fields: editFields(c.fields, fieldPath.split('.'), edit) } : c,
    ),
  };
}

function renameReferences(fields: readonly FidesField[], from: string, to: string): FidesField[] {
  return fields.map((field) => {
    const references = field.fides_meta?.references;
    const meta =
      references === undefined
        ? field.fides_meta
        : {
            ...field.fides_meta,
            references: references.map((r) => (r.dataset === from ? { ...r, dataset: to } : r)),
          };
    return {
      ...field,
      ...(meta === undefined ? {} : { fides_meta: meta }),
      ...(field.fields === undefined ? {} : { fields: renameReferences(field.fields, from, to) }),
    };
  });
}

/** The dataset under another `fides_key`, its references to itself following it. */
export function withDatasetKey(dataset: FidesDataset, key: string): FidesDataset {
  if (key === dataset.fides_key) return dataset;
  return {
    ...dataset,
    fides_key: key,
    collections: dataset.collections.map((c) => ({
      ...c,
      fields: renameReferences(c.fields, dataset.fides_key, key),
    })),
  };
}

/**
 * The dataset as text the YAML import reads: JSON is YAML, and a dataset straight from discovery has nothing
 * but Fides keys and Privet's `x-privet`, so it needs no other translation.
 */
export function importText(dataset: FidesDataset): string {
  return `${JSON.stringify({ dataset: [dataset] }, null, 2)}\n`;
}
