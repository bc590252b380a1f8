import type { Organisation } from '../../demo/organisation.ts';
import { transfersOfPurpose, type PrivacyModel } from '../privacy-model/privacy-model.ts';
import type { Purpose } from '../purposes/purpose.ts';
import { countryName } from '../recipients/country-name.ts';
import { labelOf } from '../taxonomy/taxonomy.ts';
import { describeTransferCountries, describeTransferSafeguards } from './describe-transfers.ts';
import { recordKeeper } from './record-keeper.ts';
import { processorRecordColumns } from './ropa-columns.ts';
import type { RopaRecord } from './ropa-record.ts';

function controllerOf(model: PrivacyModel, purpose: Purpose): string[] {
  const controller = model.recipients.find((r) => r.key === purpose.onBehalfOf);
  if (!controller) return [purpose.onBehalfOf ?? 'controller not recorded'];
  return [controller.name, controller.contact.trim(), countryName(controller.country)].filter(Boolean);
}

function processing(model: PrivacyModel, purpose: Purpose): string[] {
  const what =
    purpose.description.trim() === '' ? purpose.name : `${purpose.name}: ${purpose.description.trim()}`;
  const categories = purpose.dataCategories.map((key) => labelOf(model.taxonomy, 'data_category', key));
  return categories.length === 0 ? [what] : [what, `Personal data: ${categories.join(', ')}`];
}

/**
 * The processor's record (Art. 30(2) GDPR): one row per processing activity done on behalf of a controller,
 * by controller and name. Empty when the organisation processes for nobody else.
 */
export function buildProcessorRecord(
  model: PrivacyModel,
  organisation: Organisation | undefined,
): RopaRecord {
  const purposes = model.purposes.filter((p) => p.actingAs === 'processor');
  const sortKey = (p: Purpose) => controllerOf(model, p)[0] ?? '';
  const ordered = [...purposes].sort(
    (a, b) => sortKey(a).localeCompare(sortKey(b)) || a.name.localeCompare(b.name),
  );
  return {
    kind: 'processor',
    title: 'Record of processing activities – processor (Art. 30(2) GDPR)',
    keeper: recordKeeper(organisation, 'processor'),
    columns: processorRecordColumns,
    rowHeaderColumn: 1,
    rows: ordered.map((purpose) => {
      const transfers = transfersOfPurpose(model, purpose);
      return [
        controllerOf(model, purpose),
        processing(model, purpose),
        describeTransferCountries(transfers),
        describeTransferSafeguards(model, transfers),
        purpose.securityMeasures.trim() === '' ? [] : [purpose.securityMeasures.trim()],
      ];
    }),
  };
}
