// What every connector reports about a live database, in terms free of any driver. Names are exactly as the
// database spells them (case kept); engines quote them when they use them.
import type { ConnectorEngine } from './connection-url.ts';

/** One column of a table. */
export interface ColumnInfo {
  readonly name: string;
  /** The type as the database declares it, e.g. `character varying(60)`, `int(11)`, `NVARCHAR(60)`. */
  readonly type: string;
  readonly nullable: boolean;
  /** True when a unique index or constraint (or the primary key) covers this column alone. */
  readonly unique: boolean;
  /** The default expression as the database prints it; null when there is none. */
  readonly default: string | null;
}

/** A foreign key, composite or not, possibly pointing at its own table. */
export interface ForeignKeyInfo {
  readonly name: string;
  /** Referencing columns, in constraint order (several for a composite key). */
  readonly columns: readonly string[];
  readonly referencedTable: string;
  /** Set only when the referenced table lives in another schema or database than the scanned one. */
  readonly referencedNamespace?: string;
  /** Referenced columns, paired with `columns` by position. */
  readonly referencedColumns: readonly string[];
}

/** An index (the primary key's included). */
export interface IndexInfo {
  readonly name: string;
  /** Indexed columns in order; expressions are left out. */
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly primary: boolean;
}

/** One table with its columns, keys and indexes. */
export interface TableInfo {
  readonly name: string;
  /** Columns in declaration order. */
  readonly columns: readonly ColumnInfo[];
  /** Primary-key columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyInfo[];
  readonly indexes: readonly IndexInfo[];
}

/** Everything a connector read from one database (or PostgreSQL schema). */
export interface SchemaInfo {
  readonly engine: ConnectorEngine;
  /** The database (SQLite: the file name without extension; Redis: `db<n>`). */
  readonly database: string;
  /** PostgreSQL schema that was read; absent for engines without schemas. */
  readonly schema?: string;
  /** Tables by name. Partitions and inheritance children are folded into their root table. */
  readonly tables: readonly TableInfo[];
}

/** A sampled value, always as text (dates as ISO-like text, numbers as digits); nulls are never sampled. */
export type SampleValue = string;

/** The one interface every engine implements for discovery. Close it in a `finally`. */
export interface Introspector {
  readonly engine: ConnectorEngine;
  /** Reads tables, columns, keys and indexes of the connected database (or schema). */
  readSchema(signal: AbortSignal): Promise<SchemaInfo>;
  /** Up to `n` non-null values of a column, as text; identifiers are quoted, `n` is a parameter. */
  sampleValues(
    table: string,
    column: string,
    n: number,
    signal: AbortSignal,
  ): Promise<readonly SampleValue[]>;
  /** Ends the connection; safe to call twice. */
  close(): Promise<void>;
}

/** What `ping` reports about a reachable server. */
export interface ServerInfo {
  /** `postgres`, `mysql`, `mariadb`, `sqlite` or `redis`. */
  readonly engine: string;
  readonly version: string;
}
