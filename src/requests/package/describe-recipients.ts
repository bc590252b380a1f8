import { recipientsOfPurpose, type PrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { countryName } from '../../datamap/recipients/country-name.ts';
import { isThirdCountry } from '../../datamap/recipients/third-countries.ts';
import type { RecipientEntry } from './supplementary-information.ts';

/**
 * The recipients of the given purposes, each once, in the model's order, with the purposes they serve. A
 * recipient is in a third country when it sits outside the EEA or a recorded transfer takes data there.
 */
export function describeRecipients(model: PrivacyModel, purposes: readonly Purpose[]): RecipientEntry[] {
  const served = new Map<string, string[]>();
  for (const purpose of purposes) {
    for (const recipient of recipientsOfPurpose(model, purpose)) {
      served.set(recipient.key, [...(served.get(recipient.key) ?? []), purpose.name]);
    }
  }
  return model.recipients.flatMap((recipient) => {
    const purposeNames = served.get(recipient.key);
    if (purposeNames === undefined) return [];
    const abroad = model.transfers.some(
      (t) => t.recipientKey === recipient.key && isThirdCountry(t.destinationCountry),
    );
    return [
      {
        name: recipient.name,
        category: recipient.category,
        role: recipient.role.replace('_', ' '),
        country: countryName(recipient.country),
        thirdCountry: abroad || isThirdCountry(recipient.country),
        purposes: purposeNames,
      },
    ];
  });
}
