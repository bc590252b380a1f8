import type { SchemaInfo } from '../../connectors/introspection.ts';
import type {
  FidesCollection,
  FidesDataset,
  FidesField,
  FidesFieldMeta,
  FidesReference,
} from '../fides-dataset.ts';
import type { ClassifiedColumn, ClassifiedTable } from './classify-schema.ts';
import { fidesDataType, typeLength } from './column-type-family.ts';
import { proposeIdentity, type IdentityProposal } from './propose-identity.ts';
import { referenceDirections } from './reference-direction.ts';

/** The dataset's `fides_key`: the database name in lower snake case (Fides keys allow `[A-Za-z0-9_.-]`). */
export function datasetKeyFor(schema: SchemaInfo): string {
  const base =
    schema.schema === undefined || schema.schema === 'public'
      ? schema.database
      : `${schema.database}_${schema.schema}`;
  const key = base
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' ? 'discovered' : key;
}

// A key to another PostgreSQL schema or MySQL database points into the dataset a scan of it would produce.
function namespaceKey(schema: SchemaInfo, namespace: string): string {
  return schema.engine === 'postgres'
    ? datasetKeyFor({ ...schema, schema: namespace })
    : datasetKeyFor({ engine: schema.engine, database: namespace, tables: [] });
}

function field(
  { column, proposal }: ClassifiedColumn,
  primaryKey: readonly string[],
  identity: IdentityProposal | undefined,
  references: (column: string) => FidesReference[],
): FidesField {
  const length = typeLength(column.type);
  const refs = references(column.name);
  const isIdentity = identity?.column === column.name;
  const meta: FidesFieldMeta = {
    ...(isIdentity ? { identity: identity.identity } : {}),
    ...(primaryKey.includes(column.name) ? { primary_key: true } : {}),
    data_type: fidesDataType(column.type),
    ...(length === undefined ? {} : { length }),
    ...(refs.length === 0 ? {} : { references: refs }),
  };
  return {
    name: column.name,
    data_categories: [proposal.category],
    fides_meta: meta,
    'x-privet': {
      confidence: proposal.confidence,
      reason: isIdentity
        ? `${proposal.reason}; proposed as the ${identity.identity} identity`
        : proposal.reason,
    },
  };
}

/** Turns classified tables into a Fides dataset: categories, identities, keys, references, subjects. */
export function buildDiscoveredDataset(schema: SchemaInfo, tables: readonly ClassifiedTable[]): FidesDataset {
  const fidesKey = datasetKeyFor(schema);
  const identities = new Map(
    tables.map((t) => [
      t.table.name,
      t.personal
        ? proposeIdentity(t.columns.map((c) => ({ name: c.column.name, proposal: c.proposal })))
        : undefined,
    ]),
  );
  const direction = referenceDirections(
    tables.map((t) => ({ table: t.table, hasIdentity: identities.get(t.table.name) !== undefined })),
  );
  const collections = tables.map((t): FidesCollection => {
    const references = (column: string): FidesReference[] =>
      t.table.foreignKeys.flatMap((fk) => {
        const at = fk.columns.indexOf(column);
        const target = fk.referencedColumns[at];
        if (at < 0 || target === undefined) return [];
        return [
          {
            dataset:
              fk.referencedNamespace === undefined ? fidesKey : namespaceKey(schema, fk.referencedNamespace),
            field: `${fk.referencedTable}.${target}`,
            direction: direction(t.table, fk),
          },
        ];
      });
    return {
      name: t.table.name,
      fields: t.columns.map((c) => field(c, t.table.primaryKey, identities.get(t.table.name), references)),
      'x-privet': { ...(t.subject === undefined ? {} : { data_subject: t.subject }), personal: t.personal },
    };
  });
  const where = schema.schema === undefined ? '' : ` (schema ${schema.schema})`;
  return {
    fides_key: fidesKey,
    name: schema.database,
    description: `Proposed by privet datamap scan from the ${schema.engine} database ${schema.database}${where}; review the x-privet confidence and reason of each field before use.`,
    ...(schema.engine === 'postgres' && schema.schema !== undefined && schema.schema !== 'public'
      ? { fides_meta: { namespace: { schema: schema.schema } } }
      : {}),
    collections,
  };
}
