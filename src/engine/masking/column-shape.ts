import type { ColumnInfo } from '../../connectors/introspection.ts';
import { typeFamily, typeLength, type TypeFamily } from '../../datamap/discovery/column-type-family.ts';
import type { FidesField } from '../../datamap/fides-dataset.ts';

/** What masking must respect about a column: its type family, declared type, length and constraints. */
export interface ColumnShape {
  readonly family: TypeFamily;
  /** The declared type in lower case (`character varying(60)`, `uuid`), '' when unknown. */
  readonly type: string;
  readonly length?: number;
  readonly nullable: boolean;
  readonly unique: boolean;
}

const FIDES_FAMILIES: Readonly<Record<string, TypeFamily>> = {
  string: 'text',
  integer: 'integer',
  float: 'decimal',
  boolean: 'boolean',
  object: 'json',
};

/** The shape from the live column when known, else from the field's Fides `data_type` and `length`. */
export function columnShape(field: FidesField, column: ColumnInfo | undefined): ColumnShape {
  const metaLength = field.fides_meta?.length;
  if (column !== undefined) {
    const length = typeLength(column.type) ?? metaLength;
    return {
      family: typeFamily(column.type),
      type: column.type.toLowerCase(),
      ...(length === undefined ? {} : { length }),
      nullable: column.nullable,
      unique: column.unique,
    };
  }
  const dataType = field.fides_meta?.data_type ?? 'string';
  return {
    family: FIDES_FAMILIES[dataType] ?? 'text',
    type: '',
    ...(metaLength === undefined ? {} : { length: metaLength }),
    nullable: true,
    unique: false,
  };
}
