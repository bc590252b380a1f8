import type { Database } from '../../store/schema.ts';
import { readJsonColumn, writeJsonColumn } from '../privacy-model/json-column.ts';
import type { LegalBasisCode, SpecialConditionCode } from '../taxonomy/legal-bases.ts';
import type { CategoryRetention, DataSource, ProcessingRole, Purpose, PurposeFields } from './purpose.ts';

type PurposeRow = Database['purposes'];

/** A stored row as a purpose; the table's CHECK constraints and the write schema keep the codes valid. */
export function toPurpose(row: PurposeRow): Purpose {
  return {
    key: row.fides_key,
    name: row.name,
    description: row.description,
    dataUse: row.data_use,
    systemKey: row.system_key,
    actingAs: row.acting_as as ProcessingRole,
    onBehalfOf: row.on_behalf_of,
    legalBasis: row.legal_basis as LegalBasisCode | null,
    specialCategoryCondition: row.special_category_condition as SpecialConditionCode | null,
    criminalOffenceAuthority: row.criminal_offence_authority,
    legitimateInterest: row.legitimate_interest,
    legitimateInterestAssessment: row.legitimate_interest_assessment,
    assessmentPublic: row.assessment_public === 1,
    dataSubjects: readJsonColumn<string[]>(row.data_subjects, []),
    dataCategories: readJsonColumn<string[]>(row.data_categories, []),
    retentionPeriod: row.retention_period,
    retentionCriteria: row.retention_criteria,
    retentionByCategory: readJsonColumn<CategoryRetention[]>(row.retention_by_category, []),
    recipientKeys: readJsonColumn<string[]>(row.recipient_keys, []),
    source: row.source as DataSource,
    sourceDescription: row.source_description,
    automatedDecisionMaking: row.automated_decision_making === 1,
    automatedDecisionLogic: row.automated_decision_logic,
    securityMeasures: row.security_measures,
    consentRecord: row.consent_record,
    internalNotes: row.internal_notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A purpose's fields as columns, with the defaults of omitted ones. */
export function toPurposeColumns(
  fields: PurposeFields,
): Omit<PurposeRow, 'fides_key' | 'created_at' | 'updated_at'> {
  return {
    name: fields.name,
    description: fields.description ?? '',
    data_use: fields.dataUse,
    system_key: fields.systemKey ?? null,
    acting_as: fields.actingAs ?? 'controller',
    on_behalf_of: fields.onBehalfOf ?? null,
    legal_basis: fields.legalBasis ?? null,
    special_category_condition: fields.specialCategoryCondition ?? null,
    criminal_offence_authority: fields.criminalOffenceAuthority ?? '',
    legitimate_interest: fields.legitimateInterest ?? '',
    legitimate_interest_assessment: fields.legitimateInterestAssessment ?? '',
    assessment_public: fields.assessmentPublic ? 1 : 0,
    data_subjects: writeJsonColumn(fields.dataSubjects ?? []),
    data_categories: writeJsonColumn(fields.dataCategories ?? []),
    retention_period: fields.retentionPeriod ?? null,
    retention_criteria: fields.retentionCriteria ?? '',
    retention_by_category: writeJsonColumn(fields.retentionByCategory ?? []),
    recipient_keys: writeJsonColumn(fields.recipientKeys ?? []),
    source: fields.source ?? 'data_subject',
    source_description: fields.sourceDescription ?? '',
    automated_decision_making: fields.automatedDecisionMaking ? 1 : 0,
    automated_decision_logic: fields.automatedDecisionLogic ?? '',
    security_measures: fields.securityMeasures ?? '',
    consent_record: fields.consentRecord ?? '',
    internal_notes: fields.internalNotes ?? '',
  };
}
