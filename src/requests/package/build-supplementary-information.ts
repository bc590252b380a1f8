import { buildPurposeNotice } from '../../datamap/notice-fragments/build-notice-fragments.ts';
import { transfersOfPurpose } from '../../datamap/privacy-model/privacy-model.ts';
import { describeTransferSafeguards } from '../../datamap/ropa/describe-transfers.ts';
import { findEntry, labelOf } from '../../datamap/taxonomy/taxonomy.ts';
import { dataSubjectRights } from './data-subject-rights.ts';
import { describeRecipients } from './describe-recipients.ts';
import { foundCategories } from './found-categories.ts';
import type { PackageDataMap, PackagedCollection } from './package-input.ts';
import { purposeCovers } from './purpose-coverage.ts';
import type { CategoryEntry, SupplementaryInformation } from './supplementary-information.ts';

const sensitivityWords = {
  art9: 'special category (Art. 9 GDPR)',
  art10: 'criminal offence data (Art. 10 GDPR)',
} as const;

const orNone = (count: number, some: string, none: string) => (count > 0 ? some : none);

/**
 * The Art. 15(1)(a)–(h) and 15(2) information for one package, from the data map and the collections actually
 * returned: the purposes are those (of the organisation as controller) that cover a category found, by the
 * rule of `purposeCovers`; everything else follows from those purposes, in the words the notice uses.
 */
export function buildSupplementaryInformation(
  dataMap: PackageDataMap,
  collections: readonly PackagedCollection[],
  generatedAt: Date,
): SupplementaryInformation {
  const { model, organisation } = dataMap;
  const found = foundCategories(dataMap, collections);
  // Processing done for a client is answered by that client, as in the notice: only our own purposes count.
  const purposes = model.purposes.filter(
    (p) => p.actingAs === 'controller' && found.some((f) => purposeCovers(model, p, f.dataset, f.categories)),
  );
  const keys = new Set(purposes.map((p) => p.key));
  const notices = buildPurposeNotice(model).filter((n) => keys.has(n.key));

  const categories = new Map<string, string[]>();
  for (const f of found) {
    for (const key of f.categories) {
      categories.set(key, [...(categories.get(key) ?? []), `${f.dataset}/${f.collection}`]);
    }
  }
  const categoryEntries: CategoryEntry[] = [...categories.keys()].sort().map((key) => {
    const sensitivity = findEntry(model.taxonomy, 'data_category', key)?.sensitivity ?? null;
    return {
      key,
      name: labelOf(model.taxonomy, 'data_category', key),
      sensitivity: sensitivity === null ? null : sensitivityWords[sensitivity],
      foundIn: categories.get(key) ?? [],
    };
  });
  const recipients = describeRecipients(model, purposes);
  const transfers = [...new Set(purposes.flatMap((p) => transfersOfPurpose(model, p)))];
  const safeguards = describeTransferSafeguards(model, transfers);
  const otherSources = notices.filter((n) => n.source !== 'From you');
  const automated = notices.flatMap((n) =>
    n.automatedDecisionMaking === null ? [] : [{ purpose: n.name, logic: n.automatedDecisionMaking }],
  );
  const authority = organisation?.supervisoryAuthority.trim() ?? '';

  return {
    generatedAt: generatedAt.toISOString(),
    controller: {
      name: organisation?.name ?? '',
      address: organisation?.address ?? '',
      email: organisation?.email ?? '',
      dataProtectionOfficer: organisation?.dpo ?? '',
    },
    purposes: {
      article: 'Art. 15(1)(a) GDPR',
      title: 'Why we process your data and on which legal basis',
      summary: orNone(
        notices.length,
        'We process the data in this package for these purposes:',
        'None of the data found is used for a purpose recorded in our data map.',
      ),
      entries: notices.map((n) => ({
        purpose: n.name,
        description: n.description,
        legalBasis: n.legalBasis && `${n.legalBasis.name} (${n.legalBasis.article})`,
        specialCategoryCondition:
          n.specialCategoryCondition &&
          `${n.specialCategoryCondition.name} (${n.specialCategoryCondition.article})`,
        legitimateInterest: n.legitimateInterest,
        dataCategories: n.dataCategories,
      })),
    },
    categories: {
      article: 'Art. 15(1)(b) GDPR',
      title: 'Categories of personal data concerned',
      summary: orNone(
        categoryEntries.length,
        'The data in this package falls into these categories:',
        'We found no personal data about you.',
      ),
      entries: categoryEntries,
    },
    recipients: {
      article: 'Art. 15(1)(c) GDPR',
      title: 'Recipients of your data',
      summary: orNone(
        recipients.length,
        'We disclose your data to these recipients or categories of recipients:',
        'We do not disclose your data to other recipients.',
      ),
      entries: recipients,
    },
    retention: {
      article: 'Art. 15(1)(d) GDPR',
      title: 'How long we keep your data',
      summary: orNone(notices.length, 'We keep your data as follows:', 'No retention rule applies.'),
      entries: notices.map((n) => ({
        purpose: n.name,
        dataCategories: n.dataCategories,
        retention: n.retention.length > 0 ? n.retention : ['not determined'],
      })),
    },
    rights: {
      article: 'Art. 15(1)(e) GDPR',
      title: 'Your rights',
      summary: 'You have these rights regarding your data:',
      entries: dataSubjectRights(purposes, organisation?.email ?? ''),
    },
    complaint: {
      article: 'Art. 15(1)(f) GDPR',
      title: 'Right to lodge a complaint',
      summary: 'You can complain to a supervisory authority (Art. 77 GDPR):',
      entries: [
        {
          supervisoryAuthority: authority === '' ? 'not recorded' : authority,
          description:
            'You may also complain to the supervisory authority of the EU Member State where you live or work or where you think the infringement took place.',
        },
      ],
    },
    sources: {
      article: 'Art. 15(1)(g) GDPR',
      title: 'Where your data comes from',
      summary: orNone(
        otherSources.length,
        'Some of your data was not collected from you; its sources are:',
        'We collected all of this data from you.',
      ),
      entries: notices.map((n) => ({ purpose: n.name, source: n.source })),
    },
    automatedDecisions: {
      article: 'Art. 15(1)(h) GDPR',
      title: 'Automated decision-making, including profiling',
      summary: orNone(
        automated.length,
        'We make decisions based solely on automated processing, including profiling (Art. 22 GDPR), for these purposes; the logic involved is:',
        'We make no decisions about you based solely on automated processing, including profiling, that have legal or similarly significant effects on you (Art. 22 GDPR).',
      ),
      entries: automated,
    },
    transfers: {
      article: 'Art. 15(2) GDPR',
      title: 'Transfers to countries outside the EEA',
      summary: orNone(
        safeguards.length,
        'Your data is transferred to countries outside the European Economic Area with these safeguards:',
        'Your data is not transferred to a country outside the European Economic Area or to an international organisation.',
      ),
      entries: safeguards,
    },
  };
}
