import type { Organisation } from '../../demo/organisation.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import type { PrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';

/** One collection's rows of the subject, as the engine streams them; `rows` is read once, in order. */
export interface CollectionRows {
  readonly dataset: string;
  readonly collection: string;
  readonly rows: AsyncIterable<Readonly<Record<string, unknown>>>;
}

/** The parts of the data map a package is derived from (see `loadPackageDataMap`). */
export interface PackageDataMap {
  readonly model: PrivacyModel;
  /** The controller; undefined before the organisation settings are saved. */
  readonly organisation: Organisation | undefined;
  /** Field lists and data categories of the collections the rows come from. */
  readonly datasets: readonly FidesDataset[];
}

/** What both packages are made from. */
export interface PackageInput {
  /** The subject's identities by type, e.g. `{ email: 'jane@example.com' }`; shown masked. */
  readonly identities: Readonly<Record<string, string>>;
  /** Read lazily, one collection at a time; each collection's rows are read to the end before the next. */
  readonly collections: AsyncIterable<CollectionRows>;
  readonly dataMap: PackageDataMap;
  /** The package's date, from the caller's clock: with a fixed clock the ZIP is byte-for-byte the same. */
  readonly generatedAt: Date;
  /** Shown in the package so a reply can refer to it. */
  readonly requestId?: string;
  /** Where a collection's rows are spooled while its CSV is written; the system's temp directory if absent. */
  readonly tempDir?: string;
}

/** One collection as written into a package. */
export interface PackagedCollection {
  readonly dataset: string;
  readonly collection: string;
  readonly rows: number;
  /** ZIP entry names, e.g. `demo_shop/customers.json`. */
  readonly jsonEntry: string;
  readonly csvEntry: string;
  /** The columns of the CSV file, in order. */
  readonly columns: readonly string[];
  /** The top-level fields that held a value (not null, not '') in at least one row. */
  readonly filledFields: readonly string[];
}

/** One entry of the ZIP with its SHA-256, as `manifest.json` lists it. */
export interface PackageEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** What a written package holds: its collections (with row counts) and every entry with its hash. */
export interface PackageSummary {
  readonly collections: readonly PackagedCollection[];
  readonly entries: readonly PackageEntry[];
}
