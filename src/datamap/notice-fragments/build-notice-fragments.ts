import { recipientsOfPurpose, type PrivacyModel } from '../privacy-model/privacy-model.ts';
import { describeRetention } from '../purposes/describe-retention.ts';
import type { Purpose } from '../purposes/purpose.ts';
import { countryName } from '../recipients/country-name.ts';
import { isThirdCountry } from '../recipients/third-countries.ts';
import { safeguardPlainNames } from '../recipients/transfer.ts';
import { labelOf } from '../taxonomy/taxonomy.ts';
import type { ProcessorNotice, PurposeNotice, RetentionNotice } from './notice-fragments.ts';

// A notice covers what the organisation decides; processing done for a client is in the client's notice.
const published = (model: PrivacyModel) => model.purposes.filter((p) => p.actingAs === 'controller');

function source(purpose: Purpose): string {
  const other = purpose.sourceDescription.trim();
  if (purpose.source === 'data_subject') return 'From you';
  return purpose.source === 'other_source' ? other : `From you and from ${other}`;
}

/** The purposes and legal bases table: only what a notice shows (no internal notes, no private assessment). */
export function buildPurposeNotice(model: PrivacyModel): PurposeNotice[] {
  return published(model).map((purpose) => {
    const basis = model.taxonomy.legalBases.find((b) => b.code === purpose.legalBasis);
    const condition = model.taxonomy.specialCategoryConditions.find(
      (c) => c.code === purpose.specialCategoryCondition,
    );
    const interest = purpose.legalBasis === '6.1.f';
    return {
      key: purpose.key,
      name: purpose.name,
      description: purpose.description,
      legalBasis: basis ? { code: basis.code, article: basis.article, name: basis.plainName } : null,
      specialCategoryCondition: condition
        ? { code: condition.code, article: condition.article, name: condition.dpvName }
        : null,
      legitimateInterest: interest ? purpose.legitimateInterest : null,
      legitimateInterestAssessment:
        interest && purpose.assessmentPublic ? purpose.legitimateInterestAssessment : null,
      dataCategories: purpose.dataCategories.map((key) => labelOf(model.taxonomy, 'data_category', key)),
      dataSubjects: purpose.dataSubjects.map((key) => labelOf(model.taxonomy, 'data_subject', key)),
      recipients: [...new Set(recipientsOfPurpose(model, purpose).map((r) => r.category.trim() || r.name))],
      retention: describeRetention(purpose, model.taxonomy),
      source: source(purpose),
      automatedDecisionMaking: purpose.automatedDecisionMaking ? purpose.automatedDecisionLogic : null,
    };
  });
}

/** The recipients of the published purposes, with countries and transfer safeguards (Art. 13(1)(e)–(f)). */
export function buildProcessorNotice(model: PrivacyModel): ProcessorNotice[] {
  const purposes = published(model);
  return model.recipients.flatMap((recipient) => {
    const served = purposes.filter((p) => recipientsOfPurpose(model, p).some((r) => r.key === recipient.key));
    if (served.length === 0) return [];
    const safeguards = model.transfers
      .filter((t) => t.recipientKey === recipient.key && isThirdCountry(t.destinationCountry))
      .map((t) => {
        const how = t.safeguard === null ? 'safeguard not recorded' : safeguardPlainNames[t.safeguard];
        return `${countryName(t.destinationCountry)}: ${how}`;
      });
    return [
      {
        name: recipient.name,
        category: recipient.category,
        role: recipient.role.replace('_', ' '),
        country: countryName(recipient.country),
        purposes: served.map((p) => p.name),
        transferSafeguards: safeguards,
      },
    ];
  });
}

/** The retention schedule: each published purpose with its data and its periods or criteria. */
export function buildRetentionNotice(model: PrivacyModel): RetentionNotice[] {
  return published(model).map((purpose) => ({
    purpose: purpose.name,
    dataCategories: purpose.dataCategories.map((key) => labelOf(model.taxonomy, 'data_category', key)),
    retention: describeRetention(purpose, model.taxonomy),
  }));
}
