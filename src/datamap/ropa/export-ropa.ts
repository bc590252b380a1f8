import { readOrganisation } from '../../demo/organisation.ts';
import { loadPrivacyModel } from '../privacy-model/privacy-model.ts';
import type { PrivacyModelDeps } from '../privacy-model/privacy-model-deps.ts';
import { buildControllerRecord } from './build-controller-record.ts';
import { buildProcessorRecord } from './build-processor-record.ts';
import { renderRopaCsv } from './render-ropa-csv.ts';
import { renderRopaHtml } from './render-ropa-html.ts';
import type { RopaKind } from './ropa-record.ts';

/** The formats a record of processing is exported in: CSV for spreadsheets, HTML for people. */
export const ropaFormats = ['csv', 'html'] as const;
export type RopaFormat = (typeof ropaFormats)[number];

/** A rendered record with what a download needs. */
export interface RopaExport {
  readonly body: string;
  readonly contentType: string;
  readonly fileName: string;
}

/** Builds the controller or processor record from the data map and the organisation, rendered as asked. */
export async function exportRopa(
  deps: PrivacyModelDeps,
  options: { readonly kind: RopaKind; readonly format: RopaFormat },
  signal?: AbortSignal,
): Promise<RopaExport> {
  const model = await loadPrivacyModel(deps.store.db, deps.taxonomyDefaults, signal);
  const organisation = await readOrganisation(deps.store.db);
  const record =
    options.kind === 'controller'
      ? buildControllerRecord(model, organisation)
      : buildProcessorRecord(model, organisation);
  const now = deps.clock.now();
  const fileName = `ropa-${options.kind}-${now.toISOString().slice(0, 10)}.${options.format}`;
  return options.format === 'csv'
    ? { body: renderRopaCsv(record), contentType: 'text/csv; charset=utf-8; header=present', fileName }
    : { body: renderRopaHtml(record, now), contentType: 'text/html; charset=utf-8', fileName };
}
