// The one data interface every engine implements for requests: read a subject's rows, count them, change or
// delete them by primary key, all with an AbortSignal. Driver types never appear here; values are plain JS
// (strings, numbers, bigints, booleans, null, Uint8Array, parsed JSON). Dates and times come back as text, so
// that a key read can be written back exactly.
import type { ConnectorEngine } from './connection-url.ts';
import type { SchemaInfo } from './introspection.ts';

/** One row (or a primary key of one) by field name. */
export type DataRow = Readonly<Record<string, unknown>>;

/**
 * How a column's value is turned into the compared form; the caller passes values already in that form.
 * `none`: the database's own equality (join semantics); `exact`: byte-exact text equality, also on
 * case-insensitive MySQL collations; `lower_trim`: trimmed and lower-cased (emails); `phone_digits`: every
 * character but digits and `+` removed (phone numbers, compared with E.164 candidates).
 */
export const valueTransforms = ['none', 'exact', 'lower_trim', 'phone_digits'] as const;
export type ValueTransform = (typeof valueTransforms)[number];

/**
 * `field IN values`, after the transform; an empty list matches nothing. With `within` (SQL engines), `field`
 * is compared with a field of other rows of the same database instead (a subquery), and `values` is unused.
 */
export interface FieldMatch {
  readonly field: string;
  readonly values: readonly unknown[];
  readonly transform?: ValueTransform;
  readonly within?: NestedValues;
}

/** The values of `select` in the rows of `collection` (same database) that `match`. */
export interface NestedValues {
  readonly collection: string;
  readonly select: string;
  readonly match: FieldMatch;
}

/** The values a match binds: those at the bottom of its nested matches. */
export function boundValues(match: FieldMatch): readonly unknown[] {
  return match.within === undefined ? match.values : boundValues(match.within.match);
}

/** Which rows of a collection to read or count, and which fields to read (all when absent). */
export interface RowQuery {
  /** The table (SQL) or key pattern (Redis) as the data map names it. */
  readonly collection: string;
  readonly match: FieldMatch;
  readonly fields?: readonly string[];
}

/** New values for the fields of the row with this primary key. */
export interface RowUpdate {
  readonly key: DataRow;
  readonly set: DataRow;
}

/** The operations that may run inside a transaction. */
export interface DataOperations {
  /** Streams the matching rows; never holds them all in memory. Consume or break before the next call. */
  readRows(query: RowQuery, signal: AbortSignal): AsyncIterable<DataRow>;
  /** How many rows match. */
  countRows(query: RowQuery, signal: AbortSignal): Promise<number>;
  /** Applies each update to the row with its key; returns how many rows changed. */
  updateRows(collection: string, updates: readonly RowUpdate[], signal: AbortSignal): Promise<number>;
  /** Deletes the rows with these keys; returns how many went. */
  deleteRows(collection: string, keys: readonly DataRow[], signal: AbortSignal): Promise<number>;
  /**
   * SQL engines (absent for Redis, which has no nested matches either): sets the fields to the same values on
   * every row that matches, one statement per slice of the bound values; returns how many rows changed. A row
   * matched through two slices (a nested match whose selected values repeat) is counted twice.
   */
  updateMatching?(collection: string, match: FieldMatch, set: DataRow, signal: AbortSignal): Promise<number>;
}

/** A connection for data operations; one caller at a time. Close it in a `finally`. */
export interface DataConnection extends DataOperations {
  readonly engine: ConnectorEngine;
  /** False for Redis: `transaction` then runs the work as it comes, and each update call is atomic alone. */
  readonly transactional: boolean;

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: DataOperations) => Promise<T>, signal: AbortSignal): Promise<T>;
  /** The schema as the engine's introspector reads it, over this connection (SQL engines; not in a transaction). */
  readSchema?(signal: AbortSignal): Promise<SchemaInfo>;
  /**
   * A short text that differs whenever what `readSchema` reports may have changed, far cheaper than reading
   * it (PostgreSQL: a digest of the versions of the catalog rows of the database's own objects). Absent where
   * the engine has no such thing: the schema is then read each time.
   */
  schemaVersion?(signal: AbortSignal): Promise<string>;
  /** Ends the connection; safe to call twice. */
  close(): Promise<void>;
}

/** Options for opening a data connection. */
export interface DataConnectionOptions {
  /** Open read-only (plans and access): the server or file refuses writes. */
  readonly readOnly: boolean;
}
