import type { Purpose } from '../purposes/purpose.ts';
import { findEntry, type TaxonomyKind } from '../taxonomy/taxonomy.ts';
import type { DataMapIssue } from './data-map-issue.ts';
import type { PrivacyModel } from './privacy-model.ts';

const blank = (text: string) => text.trim() === '';

function taxonomyIssues(model: PrivacyModel, purpose: Purpose, at: string): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const check = (kind: TaxonomyKind, key: string, path: string) => {
    if (!findEntry(model.taxonomy, kind, key)) {
      issues.push({
        code: `unknown_${kind}`,
        severity: 'error',
        path,
        message: `${key} is not a known ${kind}`,
      });
    }
  };
  check('data_use', purpose.dataUse, `${at}/dataUse`);
  purpose.dataCategories.forEach((key, i) => check('data_category', key, `${at}/dataCategories/${i}`));
  purpose.dataSubjects.forEach((key, i) => check('data_subject', key, `${at}/dataSubjects/${i}`));
  purpose.retentionByCategory.forEach((rule, i) => {
    check('data_category', rule.dataCategory, `${at}/retentionByCategory/${i}/dataCategory`);
  });
  return issues;
}

function referenceIssues(model: PrivacyModel, purpose: Purpose, at: string): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  if (purpose.systemKey !== null && !model.systems.some((s) => s.key === purpose.systemKey)) {
    issues.push({
      code: 'unknown_system',
      severity: 'error',
      path: `${at}/systemKey`,
      message: `no system ${purpose.systemKey}`,
    });
  }
  purpose.recipientKeys.forEach((key, i) => {
    if (model.recipients.some((r) => r.key === key)) return;
    issues.push({
      code: 'unknown_recipient',
      severity: 'error',
      path: `${at}/recipientKeys/${i}`,
      message: `no recipient ${key}`,
    });
  });
  return issues;
}

function sensitiveDataIssues(model: PrivacyModel, purpose: Purpose, at: string): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const sensitivity = (key: string) => findEntry(model.taxonomy, 'data_category', key)?.sensitivity ?? null;
  const special = purpose.dataCategories.filter((key) => sensitivity(key) === 'art9');
  const offences = purpose.dataCategories.filter((key) => sensitivity(key) === 'art10');
  if (special.length > 0 && purpose.specialCategoryCondition === null) {
    issues.push({
      code: 'special_category_without_condition',
      severity: 'error',
      path: `${at}/specialCategoryCondition`,
      message: `${special.join(', ')} ${special.length === 1 ? 'is' : 'are'} special category data (Art. 9(1) GDPR): name the Art. 9(2) condition`,
    });
  }
  if (special.length === 0 && purpose.specialCategoryCondition !== null) {
    issues.push({
      code: 'condition_without_special_category',
      severity: 'warning',
      path: `${at}/specialCategoryCondition`,
      message: 'an Art. 9(2) condition is set but no special category data is listed',
    });
  }
  if (offences.length > 0 && blank(purpose.criminalOffenceAuthority)) {
    issues.push({
      code: 'criminal_offence_data_without_authority',
      severity: 'error',
      path: `${at}/criminalOffenceAuthority`,
      message: `${offences.join(', ')}: Art. 10 GDPR allows offence data only under official authority or a law that authorises it; name it`,
    });
  }
  return issues;
}

function legalBasisIssues(purpose: Purpose, at: string): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const add = (code: string, severity: DataMapIssue['severity'], field: string, message: string) =>
    issues.push({ code, severity, path: `${at}/${field}`, message });
  if (purpose.legalBasis === null)
    add('missing_legal_basis', 'error', 'legalBasis', 'name the Art. 6(1) lawful basis');
  if (purpose.legalBasis === '6.1.f') {
    if (blank(purpose.legitimateInterestAssessment)) {
      add(
        'legitimate_interest_without_assessment',
        'error',
        'legitimateInterestAssessment',
        'legitimate interests (Art. 6(1)(f)) need a documented balancing test',
      );
    }
    if (blank(purpose.legitimateInterest)) {
      add(
        'legitimate_interest_not_stated',
        'error',
        'legitimateInterest',
        'state the interest pursued; people must be told it (Art. 13(1)(d))',
      );
    }
  }
  if (purpose.legalBasis === '6.1.a' && blank(purpose.consentRecord)) {
    add(
      'consent_record_missing',
      'warning',
      'consentRecord',
      'say where the consent records are kept (Art. 7(1))',
    );
  }
  return issues;
}

function recordIssues(model: PrivacyModel, purpose: Purpose, at: string): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const add = (code: string, severity: DataMapIssue['severity'], field: string, message: string) =>
    issues.push({ code, severity, path: `${at}/${field}`, message });
  if (purpose.retentionPeriod === null && blank(purpose.retentionCriteria)) {
    add(
      'missing_retention',
      'warning',
      'retentionPeriod',
      'give a retention period or the criteria that end it (Art. 30(1)(f))',
    );
  }
  if (purpose.automatedDecisionMaking && blank(purpose.automatedDecisionLogic)) {
    add(
      'automated_decision_without_logic',
      'error',
      'automatedDecisionLogic',
      'describe the logic involved (Art. 13(2)(f))',
    );
  }
  if (purpose.source !== 'data_subject' && blank(purpose.sourceDescription)) {
    add(
      'source_not_described',
      'error',
      'sourceDescription',
      'name the source of data not obtained from the person (Art. 14(2)(f))',
    );
  }
  if (purpose.dataCategories.length === 0)
    add('no_data_categories', 'warning', 'dataCategories', 'list the categories of personal data');
  return [...issues, ...referenceIssues(model, purpose, at)];
}

function processorIssues(model: PrivacyModel, purpose: Purpose, at: string): DataMapIssue[] {
  if (purpose.onBehalfOf === null) {
    return [
      {
        code: 'processor_activity_without_controller',
        severity: 'error',
        path: `${at}/onBehalfOf`,
        message: 'name the controller on whose behalf the processing is done (Art. 30(2)(a))',
      },
    ];
  }
  const controller = model.recipients.find((r) => r.key === purpose.onBehalfOf);
  if (!controller) {
    return [
      {
        code: 'unknown_recipient',
        severity: 'error',
        path: `${at}/onBehalfOf`,
        message: `no recipient ${purpose.onBehalfOf}`,
      },
    ];
  }
  if (controller.role === 'controller' || controller.role === 'joint_controller') return [];
  return [
    {
      code: 'on_behalf_of_not_controller',
      severity: 'warning',
      path: `${at}/onBehalfOf`,
      message: `${controller.name} is recorded as ${controller.role}, not as a controller`,
    },
  ];
}

/** Checks one purpose: taxonomy keys, references, and the GDPR duties that apply to its role. */
export function checkPurpose(model: PrivacyModel, purpose: Purpose): DataMapIssue[] {
  const at = `purposes/${purpose.key}`;
  const issues = [...taxonomyIssues(model, purpose, at), ...recordIssues(model, purpose, at)];
  // A processor follows its controller's documented instructions (Art. 28(3)(a)): the lawful basis, the
  // assessments and the Art. 9 condition are the controller's to record, not ours.
  if (purpose.actingAs === 'processor') return [...issues, ...processorIssues(model, purpose, at)];
  return [...issues, ...legalBasisIssues(purpose, at), ...sensitiveDataIssues(model, purpose, at)];
}
