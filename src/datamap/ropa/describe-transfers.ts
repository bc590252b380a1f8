import type { PrivacyModel } from '../privacy-model/privacy-model.ts';
import { countryName } from '../recipients/country-name.ts';
import { isThirdCountry } from '../recipients/third-countries.ts';
import { safeguardPlainNames, type Transfer } from '../recipients/transfer.ts';

/** The distinct third countries among the transfers, in words. */
export function describeTransferCountries(transfers: readonly Transfer[]): string[] {
  const countries = transfers.map((t) => t.destinationCountry).filter(isThirdCountry);
  return [...new Set(countries)].map(countryName);
}

/** One line per transfer to a third country: where, to whom, on which safeguard and reference. */
export function describeTransferSafeguards(model: PrivacyModel, transfers: readonly Transfer[]): string[] {
  return transfers
    .filter((t) => isThirdCountry(t.destinationCountry))
    .map((t) => {
      const recipient = model.recipients.find((r) => r.key === t.recipientKey)?.name ?? t.recipientKey;
      const safeguard = t.safeguard === null ? 'no safeguard recorded' : safeguardPlainNames[t.safeguard];
      const reference = t.safeguardReference.trim() === '' ? '' : ` – ${t.safeguardReference.trim()}`;
      return `${recipient}, ${countryName(t.destinationCountry)}: ${safeguard}${reference}`;
    });
}
