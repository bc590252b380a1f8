import type { Organisation } from '../../demo/organisation.ts';
import {
  recipientsOfPurpose,
  transfersOfPurpose,
  type PrivacyModel,
} from '../privacy-model/privacy-model.ts';
import { describeRetention } from '../purposes/describe-retention.ts';
import type { Purpose } from '../purposes/purpose.ts';
import { countryName } from '../recipients/country-name.ts';
import { findEntry, labelOf } from '../taxonomy/taxonomy.ts';
import { describeTransferCountries, describeTransferSafeguards } from './describe-transfers.ts';
import { recordKeeper } from './record-keeper.ts';
import { controllerRecordColumns } from './ropa-columns.ts';
import type { RopaRecord } from './ropa-record.ts';

const text = (value: string): string[] => (value.trim() === '' ? [] : [value.trim()]);

function categories(model: PrivacyModel, purpose: Purpose): string[] {
  return purpose.dataCategories.map((key) => {
    const sensitivity = findEntry(model.taxonomy, 'data_category', key)?.sensitivity ?? null;
    const mark =
      sensitivity === 'art9'
        ? ' (special category)'
        : sensitivity === 'art10'
          ? ' (criminal offence data)'
          : '';
    return `${labelOf(model.taxonomy, 'data_category', key)}${mark}`;
  });
}

function lawfulBasis(model: PrivacyModel, purpose: Purpose): string[] {
  const basis = model.taxonomy.legalBases.find((b) => b.code === purpose.legalBasis);
  return basis ? [`${basis.article} – ${basis.dpvName}`] : [];
}

function specialBasis(model: PrivacyModel, purpose: Purpose): string[] {
  const condition = model.taxonomy.specialCategoryConditions.find(
    (c) => c.code === purpose.specialCategoryCondition,
  );
  return [
    ...(condition ? [`${condition.article} – ${condition.dpvName}`] : []),
    ...text(purpose.criminalOffenceAuthority).map((law) => `Art. 10 GDPR – ${law}`),
  ];
}

function legitimateInterests(purpose: Purpose): string[] {
  if (purpose.legalBasis !== '6.1.f') return [];
  return [
    ...text(purpose.legitimateInterest),
    ...text(purpose.legitimateInterestAssessment).map((lia) => `Assessment: ${lia}`),
  ];
}

function source(purpose: Purpose): string[] {
  const other = `Other source: ${purpose.sourceDescription.trim() || 'not described'}`;
  if (purpose.source === 'data_subject') return ['The individual'];
  return purpose.source === 'other_source' ? [other] : ['The individual', other];
}

function row(model: PrivacyModel, purpose: Purpose): string[][] {
  const system = model.systems.find((s) => s.key === purpose.systemKey);
  const recipients = recipientsOfPurpose(model, purpose);
  const transfers = transfersOfPurpose(model, purpose);
  const usesConsent = purpose.legalBasis === '6.1.a' || purpose.specialCategoryCondition === '9.2.a';
  return [
    text(system?.businessFunction ?? ''),
    [purpose.description.trim() === '' ? purpose.name : `${purpose.name}: ${purpose.description.trim()}`],
    recipients
      .filter((r) => r.role === 'joint_controller')
      .map((r) => [r.name, r.contact.trim()].filter(Boolean).join(', ')),
    purpose.dataSubjects.map((key) => labelOf(model.taxonomy, 'data_subject', key)),
    categories(model, purpose),
    recipients
      .filter((r) => r.role !== 'joint_controller')
      .map(
        (r) =>
          `${r.category.trim() || r.role}: ${r.name} (${r.role.replace('_', ' ')}, ${countryName(r.country)})`,
      ),
    recipients
      .filter((r) => r.role === 'processor')
      .map((r) => {
        const signed = r.dpaSignedOn === null ? 'no contract recorded' : `contract signed ${r.dpaSignedOn}`;
        return [`${r.name}: ${signed}`, r.contractUrl.trim()].filter(Boolean).join(', ');
      }),
    describeTransferCountries(transfers),
    describeTransferSafeguards(model, transfers),
    describeRetention(purpose, model.taxonomy),
    text(purpose.securityMeasures),
    lawfulBasis(model, purpose),
    specialBasis(model, purpose),
    legitimateInterests(purpose),
    usesConsent ? text(purpose.consentRecord) : [],
    source(purpose),
    [purpose.automatedDecisionMaking ? `Yes: ${purpose.automatedDecisionLogic.trim()}` : 'No'],
  ];
}

/**
 * The controller's record of processing activities (Art. 30(1) GDPR): one row per purpose the organisation
 * decides on, ordered by business function and name, in the ICO template's columns.
 */
export function buildControllerRecord(
  model: PrivacyModel,
  organisation: Organisation | undefined,
): RopaRecord {
  const purposes = model.purposes.filter((p) => p.actingAs === 'controller');
  const functionOf = (p: Purpose) => model.systems.find((s) => s.key === p.systemKey)?.businessFunction ?? '';
  const ordered = [...purposes].sort(
    (a, b) => functionOf(a).localeCompare(functionOf(b)) || a.name.localeCompare(b.name),
  );
  return {
    kind: 'controller',
    title: 'Record of processing activities – controller (Art. 30(1) GDPR)',
    keeper: recordKeeper(organisation, 'controller'),
    columns: controllerRecordColumns,
    rowHeaderColumn: 1,
    rows: ordered.map((purpose) => row(model, purpose)),
  };
}
