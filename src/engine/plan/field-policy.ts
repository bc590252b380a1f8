import type { TableInfo } from '../../connectors/introspection.ts';
import type { FidesCollection, FidesField, FidesMaskingStrategy } from '../../datamap/fides-dataset.ts';
import type { ErrorIssue } from '../../domain/errors.ts';
import type { LegalHold } from '../legal-hold/legal-hold.ts';
import { columnShape } from '../masking/column-shape.ts';
import { resolveMaskingOverride, type MaskingStrategy } from '../masking/masking-strategy.ts';
import { isPersonalCategory } from './collection-scope.ts';
import { findColumn } from './find-table.ts';
import type { NestedField, PlannedField } from './request-plan.ts';

/** What decides how a collection's fields are erased. */
export interface FieldPolicyInput {
  readonly collection: FidesCollection;
  readonly table: TableInfo | undefined;
  readonly primaryKey: readonly string[];
  /** Fields that link rows: references, foreign keys and the columns they point at. */
  readonly keyFields: ReadonlySet<string>;
  readonly holds: readonly LegalHold[];
  /** Where the collection is, for issues. */
  readonly path: string;
}

/** The erasure policy of a collection's personal fields. */
export interface FieldPolicy {
  readonly fields: PlannedField[];
  readonly rowDelete: boolean;
  readonly issues: ErrorIssue[];
}

/**
 * Default: every top-level field with a `user.*` category is masked, nulled where the column allows it and
 * given a value of its type and length where it does not (unique where the column is). A field-level, then a
 * collection-level Fides `masking_strategy_override` replaces the default. Key fields are kept: they hold no
 * content once the rest is masked, and changing them would break the links between rows.
 */
export function planFields(input: FieldPolicyInput): FieldPolicy {
  const issues: ErrorIssue[] = [];
  const override = (path: string, o: Parameters<typeof resolveMaskingOverride>[0] | undefined) => {
    if (o === undefined) return undefined;
    const resolved = resolveMaskingOverride(o);
    if (resolved.ok) return resolved.strategy;
    issues.push({
      code: 'masking_strategy_unsupported',
      path,
      message: `${path}: ${resolved.reason}; the default applies`,
    });
    return undefined;
  };
  const collectionStrategy = override(
    `${input.path}.fides_meta`,
    input.collection.fides_meta?.masking_strategy_override,
  );
  const fields: PlannedField[] = [];
  for (const field of input.collection.fields) {
    const categories = (field.data_categories ?? []).filter(isPersonalCategory);
    if (categories.length === 0) {
      const nested = nestedFields(field, [], (path, o) => override(`${input.path}.${path}`, o));
      if (nested.length > 0 && !input.keyFields.has(field.name))
        fields.push({
          name: field.name,
          categories: [...new Set(nested.flatMap((n) => n.categories))],
          action: 'mask',
          shape: columnShape(field, findColumn(input.table, field.name)),
          heldBy: input.holds.filter((h) => h.fields.includes(field.name)).map((h) => h.purpose),
          nested,
          note: `personal fields inside: ${nested.map((n) => n.path.join('.')).join(', ')}`,
        });
      continue;
    }
    const isKey = input.primaryKey.includes(field.name);
    const base = columnShape(field, findColumn(input.table, field.name));
    // A key column that nothing refers to is unique per row (alone or with the rest of the key) and not null.
    const shape = isKey ? { ...base, nullable: false, unique: true } : base;
    const heldBy = input.holds.filter((h) => h.fields.includes(field.name)).map((h) => h.purpose);
    if (input.keyFields.has(field.name)) {
      fields.push({ name: field.name, categories, action: 'keep', shape, heldBy, note: 'key: links rows' });
      continue;
    }
    const chosen = override(`${input.path}.${field.name}`, field.fides_meta?.masking_strategy_override);
    const requested: MaskingStrategy =
      (chosen !== 'delete' ? chosen : undefined) ??
      (collectionStrategy !== 'delete' ? collectionStrategy : undefined) ??
      (shape.nullable ? { kind: 'null' } : { kind: 'placeholder' });
    const { strategy, note } = fitToColumn(requested, shape);
    fields.push({
      name: field.name,
      categories,
      action: 'mask',
      strategy,
      shape,
      heldBy,
      ...(note ? { note } : {}),
    });
  }
  return { fields, rowDelete: collectionStrategy === 'delete', issues };
}

/**
 * The personal fields below a document or JSON field, at any depth, with their strategy: their own override,
 * else null (inside a document any value may be null). A nested field with personal categories of its own is
 * masked whole, its children with it.
 */
function nestedFields(
  field: FidesField,
  above: readonly string[],
  override: (path: string, o: FidesMaskingStrategy | undefined) => MaskingStrategy | 'delete' | undefined,
): NestedField[] {
  return (field.fields ?? []).flatMap((child) => {
    const path = [...above, child.name];
    const categories = (child.data_categories ?? []).filter(isPersonalCategory);
    if (categories.length === 0) return nestedFields(child, path, override);
    const chosen = override(`${field.name}.${path.join('.')}`, child.fides_meta?.masking_strategy_override);
    return [
      { path, categories, strategy: chosen === undefined || chosen === 'delete' ? { kind: 'null' } : chosen },
    ];
  });
}

function fitToColumn(
  strategy: MaskingStrategy,
  shape: PlannedField['shape'],
): { strategy: MaskingStrategy; note?: string } {
  if (strategy.kind === 'null' && !shape.nullable)
    return {
      strategy: { kind: 'placeholder' },
      note: 'NOT NULL: a placeholder of the column type instead of null',
    };
  if (strategy.kind === 'fixed' && shape.unique)
    return {
      strategy: { kind: 'placeholder' },
      note: 'unique: a unique placeholder instead of a fixed value',
    };
  return { strategy };
}
