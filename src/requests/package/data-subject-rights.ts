import type { Purpose } from '../../datamap/purposes/purpose.ts';
import type { RightEntry } from './supplementary-information.ts';

const names = (purposes: readonly Purpose[]) => purposes.map((p) => p.name);

/**
 * The rights Art. 15(1)(e) asks the controller to mention (rectification, erasure, restriction, objection),
 * with withdrawal of consent and portability added because a person reading their data next asks about them.
 * Objection, withdrawal and portability only exist for some legal bases, so they name the purposes they reach.
 */
export function dataSubjectRights(purposes: readonly Purpose[], contact: string): RightEntry[] {
  const how = contact.trim() === '' ? '' : ` To use it, write to ${contact.trim()}.`;
  const objectable = purposes.filter(
    (p) => p.legalBasis === '6.1.e' || p.legalBasis === '6.1.f' || p.dataUse.startsWith('marketing'),
  );
  const consented = purposes.filter((p) => p.legalBasis === '6.1.a');
  const portable = purposes.filter((p) => p.legalBasis === '6.1.a' || p.legalBasis === '6.1.b');
  const rights: RightEntry[] = [
    {
      right: 'Right to rectification',
      article: 'Art. 16 GDPR',
      description: `You can have inaccurate personal data about you corrected and incomplete data completed.${how}`,
      appliesTo: [],
    },
    {
      right: 'Right to erasure',
      article: 'Art. 17 GDPR',
      description: `You can have your personal data erased, for example when it is no longer needed for its purpose, when you withdraw your consent or object, or when it was processed unlawfully. Data that the law obliges us to keep is kept until that obligation ends (Art. 17(3) GDPR).${how}`,
      appliesTo: [],
    },
    {
      right: 'Right to restriction of processing',
      article: 'Art. 18 GDPR',
      description: `You can have the processing of your data restricted, for example while the accuracy of the data is checked or while an objection is considered; the data is then only stored.${how}`,
      appliesTo: [],
    },
    {
      right: 'Right to object',
      article: 'Art. 21 GDPR',
      description: `You can object, on grounds relating to your particular situation, to processing based on our legitimate interests or on a task in the public interest, and at any time, without giving reasons, to direct marketing.${how}`,
      appliesTo: names(objectable),
    },
  ];
  if (consented.length > 0) {
    rights.push({
      right: 'Right to withdraw consent',
      article: 'Art. 7(3) GDPR',
      description: `You can withdraw your consent at any time; this does not affect processing before the withdrawal.${how}`,
      appliesTo: names(consented),
    });
  }
  if (portable.length > 0) {
    rights.push({
      right: 'Right to data portability',
      article: 'Art. 20 GDPR',
      description: `You can receive the data you provided to us in a structured, machine-readable format, or have it sent to another controller.${how}`,
      appliesTo: names(portable),
    });
  }
  return rights;
}
