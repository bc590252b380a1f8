// The plan of a request: which collections hold the subject's rows, how each is found (by an identity, or from
// the rows of a collection planned before it), what erasure does to each field, and what is left out and why.
import type { ValueTransform } from '../../connectors/data-connection.ts';
import type { ErrorIssue } from '../../domain/errors.ts';
import type { SubjectIdentity } from '../identity/subject-identity.ts';
import type { LegalHold } from '../legal-hold/legal-hold.ts';
import type { ColumnShape } from '../masking/column-shape.ts';
import type { MaskingStrategy } from '../masking/masking-strategy.ts';

/**
 * How rows of a step are found: `field` (after `transform`) equals an identity, or equals values of
 * `fromField` in the rows already found in step `from`. `referenced`: those rows point at these (a customer's
 * address); `referencing`: these rows point at those (a customer's invoices).
 */
export type PlanSource =
  | {
      readonly kind: 'identity';
      readonly field: string;
      readonly identity: string;
      readonly transform: ValueTransform;
    }
  | {
      readonly kind: 'reference';
      readonly field: string;
      readonly from: string;
      readonly fromField: string;
      readonly relation: 'referenced' | 'referencing';
    };

/** A personal field inside a document or JSON column: its path below the column and how it is masked. */
export interface NestedField {
  readonly path: readonly string[];
  readonly categories: readonly string[];
  readonly strategy: MaskingStrategy;
}

/** A personal field and what erasure does with it. */
export interface PlannedField {
  readonly name: string;
  readonly categories: readonly string[];
  /** `keep`: a key that links rows (primary key others refer to, foreign key, reference). */
  readonly action: 'mask' | 'keep';
  readonly strategy?: MaskingStrategy;
  readonly shape: ColumnShape;
  /** Purposes whose legal hold may keep this field (decided per row at erasure). */
  readonly heldBy: readonly string[];
  /** A document or JSON column: the personal fields inside it, masked in place (the column itself stays). */
  readonly nested?: readonly NestedField[];
  /** Why it is kept, or how the strategy was fitted to the column. */
  readonly note?: string;
}

/** A reference into a step's collection, from anywhere: what the shared-row check asks about. */
export interface Referrer {
  readonly dataset: string;
  /** The referring table (or key template) as its connector names it. */
  readonly table: string;
  /** Display name. */
  readonly name: string;
  readonly field: string;
  /** Whether the referring column may be null (from the live schema; undefined when unknown). */
  readonly nullable?: boolean;
  /** The field of the step's collection it refers to. */
  readonly target: string;
  /** A foreign key of several columns: all of them, and the columns they refer to (`field`/`target` first). */
  readonly fields?: readonly string[];
  readonly targets?: readonly string[];
  /** The step whose rows are the subject's, when the referrer is part of the plan. */
  readonly step?: string;
  /** Why the referrer is not part of the plan (another data subject, a catalogue, …). */
  readonly outside?: string;
}

/** One collection of the plan. */
export interface PlanStep {
  /** `<fides_key>/<collection>`. */
  readonly id: string;
  readonly dataset: string;
  readonly collection: string;
  /** The collection's name, or `dataset.collection` when two datasets share the name. */
  readonly name: string;
  /** What the connector is given: the table, or the Redis key template. */
  readonly table: string;
  /** Empty when neither the map nor the database declares one (erasure then fails the step). */
  readonly primaryKey: readonly string[];
  readonly sources: readonly PlanSource[];
  /** Fields that hold an identity, by field name (`email` → `email`, `phone` → `phone_number`). */
  readonly identityFields: Readonly<Record<string, string>>;
  readonly fields: readonly PlannedField[];
  /** Erasure deletes the rows (collection `masking_strategy_override: {strategy: delete}`). */
  readonly rowDelete: boolean;
  readonly holds: readonly LegalHold[];
  /** Fields read when finding rows: the key, fields followed from here, fields referred to from elsewhere. */
  readonly captureFields: readonly string[];
  readonly referrers: readonly Referrer[];
}

/** Reasons a collection is not part of the plan. */
export const exclusionReasons = ['other_subject', 'not_personal', 'skip_processing', 'unreachable'] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

/** A collection the request does not touch, and why. */
export interface ExcludedCollection {
  readonly id: string;
  readonly name: string;
  readonly reason: ExclusionReason;
  readonly detail: string;
}

/** A reference the plan does not follow because it closes a cycle. */
export interface DroppedEdge {
  readonly from: string;
  readonly to: string;
  readonly field: string;
}

/** The whole plan; findings are data. */
export interface RequestPlan {
  readonly subject: string;
  readonly identities: readonly SubjectIdentity[];
  /** In the order rows are found: every step after the steps it is found from. */
  readonly steps: readonly PlanStep[];
  /** Step ids in erasure order: rows that refer to others before the rows they refer to. */
  readonly erasureOrder: readonly string[];
  readonly excluded: readonly ExcludedCollection[];
  /** Collections (ids) that reference each other in a loop, and the references left unfollowed. */
  readonly cycles: readonly (readonly string[])[];
  readonly droppedEdges: readonly DroppedEdge[];
  readonly issues: readonly ErrorIssue[];
}
