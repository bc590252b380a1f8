import type { FidesField } from '../datamap-types.ts';

/** A field with its dotted path in the collection and how deeply it is nested (0 for a column). */
export interface FlatField {
  readonly field: FidesField;
  readonly path: string;
  readonly depth: number;
}

/** Every field of a collection, nested ones after their parent, in document order. */
export function flattenFields(fields: readonly FidesField[], prefix = '', depth = 0): FlatField[] {
  return fields.flatMap((field) => {
    const path = prefix === '' ? field.name : `${prefix}.${field.name}`;
    return [{ field, path, depth }, ...flattenFields(field.fields ?? [], path, depth + 1)];
  });
}
