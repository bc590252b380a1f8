// The shapes of the data-map API answers, as the server's own types describe them (types only: nothing of
// the server ends up in the bundle).
import type { ConnectionView } from '../../../src/datamap/connections/connection-store.ts';
import type { DatasetSummary } from '../../../src/datamap/datasets/list-datasets.ts';
import type { ScanSummary } from '../../../src/datamap/discovery/scan-summary.ts';
import type { FidesDataset } from '../../../src/datamap/fides-dataset.ts';
import type { DataMapIssue } from '../../../src/datamap/privacy-model/data-map-issue.ts';
import type { Purpose } from '../../../src/datamap/purposes/purpose.ts';
import type { Recipient } from '../../../src/datamap/recipients/recipient.ts';
import type { Transfer } from '../../../src/datamap/recipients/transfer.ts';
import type { System } from '../../../src/datamap/systems/system.ts';
import type { Taxonomy } from '../../../src/datamap/taxonomy/taxonomy.ts';

export type {
  ConnectionView,
  DataMapIssue,
  DatasetSummary,
  FidesDataset,
  Purpose,
  Recipient,
  ScanSummary,
  System,
  Taxonomy,
  Transfer,
};
export type { FidesCollection, FidesField, FidesReference } from '../../../src/datamap/fides-dataset.ts';

/** `GET /api/admin/datasets`. */
export interface DatasetList {
  readonly datasets: readonly DatasetSummary[];
}

/** One finding of the graph check (`GET /api/admin/datasets/check`). */
export interface GraphCheckIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
  readonly dataset: string;
  readonly pointer: string;
  readonly collection?: string;
}

/** `GET /api/admin/datasets/check`. */
export interface GraphCheck {
  readonly issues: readonly GraphCheckIssue[];
}

/** `GET /api/admin/datamap/check`. */
export interface ModelCheck {
  readonly ok: boolean;
  readonly issues: readonly DataMapIssue[];
}

/** `GET /api/admin/systems`, `/purposes`, `/recipients`, `/transfers`, `/connections`. */
export interface SystemList {
  readonly systems: readonly System[];
}
export interface PurposeList {
  readonly purposes: readonly Purpose[];
}
export interface RecipientList {
  readonly recipients: readonly Recipient[];
}
export interface TransferList {
  readonly transfers: readonly Transfer[];
}
export interface ConnectionList {
  readonly connections: readonly ConnectionView[];
}

/** `POST /api/admin/datasets/import`. */
export interface ImportAnswer {
  readonly imported: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly path: string; readonly message: string }[];
}

/** `POST /api/admin/datamap/scan`. */
export interface ScanAnswer {
  readonly dataset: FidesDataset;
  readonly summary: ScanSummary;
  readonly yaml: string;
}
