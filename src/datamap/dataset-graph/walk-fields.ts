import type { FidesField } from '../fides-dataset.ts';

/** A field somewhere in a collection's tree, with its dotted path and its pointer in the document. */
export interface WalkedField {
  readonly field: FidesField;
  /** `address.city` for a nested field, as references name it. */
  readonly path: string;
  /** `fields[4].fields[1]`, relative to the collection. */
  readonly pointer: string;
}

/** Every field of the tree, parents before their nested fields. */
export function* walkFields(
  fields: readonly FidesField[],
  parentPath = '',
  parentPointer = '',
): Generator<WalkedField> {
  for (const [index, field] of fields.entries()) {
    const path = parentPath === '' ? field.name : `${parentPath}.${field.name}`;
    const pointer = `${parentPointer === '' ? '' : `${parentPointer}.`}fields[${index}]`;
    yield { field, path, pointer };
    if (field.fields !== undefined) yield* walkFields(field.fields, path, pointer);
  }
}
